using System.Collections.Immutable;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Explanations;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Live;

/// <summary>
/// The live competition: holds every figure, keeps the boards as of one date current, applies
/// batches incrementally and says exactly which boards changed. Thread-safe; it never reads a
/// clock — the host tells it the date. Any other date is a full recompute from the same figures.
/// </summary>
public sealed class LeaderboardEngine
{
    private readonly Lock _lock = new();
    private readonly Campaign _campaign;
    private UnitTrack[] _units = [];
    private Dictionary<string, int> _unitIndex = new(StringComparer.Ordinal);

    private DateOnly _asOf;
    private long _version;
    private Placement _now = null!;
    private Placement? _then;
    private AwardDecisions _decisions = AwardDecisions.None;

    // The materialized boards as of _asOf, compared in place so a batch reports only real changes.
    private BoardEntry[][] _entries = [];
    private Board?[] _snapshots = [];
    private Standings? _current;
    private int[] _shownBoard = [];
    private int[] _shownRank = [];

    // Scratch state of one Apply, kept to avoid allocating on the hot path.
    private int[] _touchStamp = [];
    private int _stamp;
    private readonly List<int> _touched = [];
    private bool[] _dirtyNow = [];
    private bool[] _dirtyThen = [];

    public LeaderboardEngine(CampaignRules rules, IEnumerable<UnitInfo> units, DateOnly asOf, long version = 0)
        : this(new Campaign(rules), units, asOf, version)
    {
    }

    public LeaderboardEngine(Campaign campaign, IEnumerable<UnitInfo> units, DateOnly asOf, long version = 0)
    {
        _campaign = campaign;
        _asOf = RequireInPeriod(asOf);
        _version = version;
        SetUnits(units);
        RebuildAll();
    }

    public Campaign Campaign => _campaign;

    public long Version { get { lock (_lock) return _version; } }

    /// <summary>The date of the live boards.</summary>
    public DateOnly AsOf { get { lock (_lock) return _asOf; } }

    public IReadOnlyList<UnitInfo> Units { get { lock (_lock) return [.. _units.Select(t => t.Info)]; } }

    public UnitInfo? Unit(string code)
    {
        lock (_lock) return _unitIndex.TryGetValue(code, out var u) ? _units[u].Info : null;
    }

    /// <summary>Records stored figures (in arrival order) and recomputes everything once: the start-up path.</summary>
    public void Load(IEnumerable<Figure> figures, long version)
    {
        lock (_lock)
        {
            foreach (var figure in figures) Record(figure);
            _version = version;
            RebuildAll();
        }
    }

    /// <summary>
    /// Builds every unit's score timeline now, so the first past-date query after start-up does not
    /// pay for all of them at once under the lock (≈ 0.7 s at national scale). Hosts call it after <see cref="Load"/>.
    /// </summary>
    public void PrepareHistory()
    {
        lock (_lock)
            foreach (var unit in _units) unit.Timeline(_campaign);
    }

    public ApplyResult Apply(Figure figure) => Apply([figure]);

    /// <summary>
    /// Applies a batch (all or nothing) and raises the version by one. Figures must already be
    /// valid (see <see cref="FigureValidator"/>); a structurally impossible one throws before anything changes.
    /// </summary>
    /// <param name="version">The version this batch was stored as, when versions are shared with other engines
    /// (one counter for every campaign, so this engine sees gaps); by default the version just rises by one.</param>
    public ApplyResult Apply(IReadOnlyList<Figure> figures, long? version = null)
    {
        lock (_lock)
        {
            for (var f = 0; f < figures.Count; f++) EnsureApplicable(figures[f]);
            EnsureAfter(version);

            _stamp++;
            _touched.Clear();
            for (var f = 0; f < figures.Count; f++)
            {
                var figure = figures[f];
                var u = Record(figure);
                if (figure.AsOf <= _asOf && _touchStamp[u] != _stamp)
                {
                    _touchStamp[u] = _stamp;
                    _touched.Add(u);
                }
            }

            _version = version ?? _version + 1;
            if (_touched.Count == 0) return new ApplyResult(_version, [], []);

            Array.Clear(_dirtyNow);
            Array.Clear(_dirtyThen);
            foreach (var u in _touched)
            {
                if (_then?.Update(u) is { } movedThen)
                    MarkBoards(_dirtyThen, movedThen);
                if (_now.Update(u) is { } movedNow)
                    MarkBoards(_dirtyNow, movedNow);
            }
            if (_then is not null)
                for (var b = 0; b < _dirtyThen.Length; b++)
                {
                    if (!_dirtyThen[b]) continue;
                    _then.Rerank(b);
                    // A shift in yesterday's ranks changes the "previous rank" shown on today's boards.
                    foreach (var v in _then.Members[b])
                        if (_now.BoardOf[v] >= 0) _dirtyNow[_now.BoardOf[v]] = true;
                }
            for (var b = 0; b < _dirtyNow.Length; b++)
                if (_dirtyNow[b]) _now.Rerank(b);

            return Materialize(_dirtyNow, fullRebuild: false);
        }
    }

    /// <summary>Moves the live boards to another date (a new day in the campaign's time zone).</summary>
    public ApplyResult MoveTo(DateOnly asOf, long? version = null)
    {
        lock (_lock)
        {
            EnsureAfter(version);
            _asOf = RequireInPeriod(asOf);
            _version = version ?? _version + 1;
            return RebuildAll();
        }
    }

    /// <summary>Replaces what the engine knows of the units (names, active ranges, registrations); raises the version.</summary>
    public ApplyResult UpdateUnits(IEnumerable<UnitInfo> units, long? version = null)
    {
        lock (_lock)
        {
            EnsureAfter(version);
            SetUnits(units);
            _version = version ?? _version + 1;
            return RebuildAll() with { UnitsChanged = true };
        }
    }

    /// <summary>A given version must be later than the current one: versions never go back, gaps are allowed.</summary>
    private void EnsureAfter(long? version)
    {
        if (version is { } v && v <= _version)
            throw new ArgumentOutOfRangeException(nameof(version), v, $"Version {v} is not after the engine's version {_version}.");
    }

    /// <summary>The live boards.</summary>
    public Standings Current()
    {
        lock (_lock) return CurrentLocked();
    }

    /// <summary>The boards as of any date of the campaign (the live ones when it is the live date).</summary>
    public Standings StandingsAsOf(DateOnly asOf)
    {
        lock (_lock) return StandingsAsOfLocked(asOf);
    }

    private Standings StandingsAsOfLocked(DateOnly asOf)
    {
        RequireInPeriod(asOf);
        if (asOf == _asOf) return CurrentLocked();
        var (now, then) = Placements(asOf, fromTimelines: true);
        var boards = new List<Board>(_campaign.Boards.Length);
        for (var b = 0; b < _campaign.Boards.Length; b++)
        {
            var entries = new BoardEntry[now.Members[b].Count];
            Fill(now, then, b, entries);
            if (IncludeBoard(b, entries.Length)) boards.Add(NewBoard(b, entries));
        }
        return new Standings(_version, asOf, then?.Date, boards);
    }

    /// <summary>The live snapshot of one board.</summary>
    public Board Board(BoardKey key)
    {
        lock (_lock)
        {
            var b = _campaign.BoardIdOf(key);
            if (b < 0) throw new ArgumentException($"Không có bảng {key}.", nameof(key));
            return Snapshot(b);
        }
    }

    /// <summary>A unit's score with its breakdown as of a date; null for an unknown unit.</summary>
    public UnitScore? Score(string unit, DateOnly asOf)
    {
        lock (_lock) return _unitIndex.TryGetValue(unit, out var u) ? _units[u].ScoreAt(_campaign, asOf) : null;
    }

    /// <summary>
    /// The figure in effect for a unit's content (or <see cref="Figure.Dossiers"/>) on a date: the latest
    /// reported on or before it, a same-day correction having replaced the earlier one; null when none.
    /// </summary>
    public Figure? Reported(string unit, string indicator, DateOnly asOf)
    {
        lock (_lock)
        {
            if (!_unitIndex.TryGetValue(unit, out var u)) return null;
            var track = _units[u];
            var history = indicator == Figure.Dossiers ? track.Dossiers
                : _campaign.IndicatorIndexOf(indicator) is var i and >= 0 ? track.Contents[i] : null;
            if (history is null) return null;
            var at = history.IndexAtOrBefore(asOf);
            if (at < 0) return null;
            ref readonly var point = ref history[at];
            return new Figure(unit, indicator, point.AsOf, point.Numerator, point.Denominator);
        }
    }

    /// <summary>Breakdowns of several units at once, under one lock (a board's bars).</summary>
    public IReadOnlyDictionary<string, UnitScore> Scores(IEnumerable<string> units, DateOnly asOf)
    {
        lock (_lock)
        {
            var result = new Dictionary<string, UnitScore>(StringComparer.Ordinal);
            foreach (var code in units)
                if (_unitIndex.TryGetValue(code, out var u)) result[code] = _units[u].ScoreAt(_campaign, asOf);
            return result;
        }
    }

    /// <summary>The City Office's decisions the awards depend on (committee nominations, the city's 766 classification).</summary>
    public AwardDecisions Decisions { get { lock (_lock) return _decisions; } }

    /// <summary>
    /// Replaces the City Office's decisions. They change no board (so no version), only who holds
    /// an award: every proposal and report from now on reflects them.
    /// </summary>
    public void SetDecisions(AwardDecisions decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        lock (_lock) _decisions = decisions;
    }

    /// <summary>The award proposal as of a date: every slot of the plan, proposed and passed-over units.</summary>
    public AwardProposal Awards(DateOnly asOf)
    {
        lock (_lock) return AwardCalculator.Propose(_campaign, StandingsAsOfLocked(asOf), TrackOf, _decisions);
    }

    private UnitTrack? TrackOf(string code) => _unitIndex.TryGetValue(code, out var u) ? _units[u] : null;

    /// <summary>Everything about one unit as of a date: standing, breakdown and what it takes; null for an unknown unit.</summary>
    public UnitReport? Report(string unit, DateOnly asOf)
    {
        lock (_lock)
        {
            var standings = StandingsAsOfLocked(asOf);
            if (!_unitIndex.TryGetValue(unit, out var u)) return null;
            var track = _units[u];
            var proposal = AwardCalculator.Propose(_campaign, standings, TrackOf, _decisions);
            return WhatItTakes.Report(_campaign, standings, proposal, track.Info, track.ScoreAt(_campaign, asOf),
                AwardCalculator.Ineligibility(_campaign, track, asOf));
        }
    }

    private Standings CurrentLocked()
    {
        if (_current is not null) return _current;
        var boards = new List<Board>(_campaign.Boards.Length);
        for (var b = 0; b < _campaign.Boards.Length; b++)
            if (IncludeBoard(b, _entries[b].Length)) boards.Add(Snapshot(b));
        return _current = new Standings(_version, _asOf, _then?.Date, boards);
    }

    /// <summary>Every group board is listed; a "not grouped" board only when it has units.</summary>
    private bool IncludeBoard(int b, int count) => _campaign.Boards[b].Group is not null || count > 0;

    private Board Snapshot(int b) => _snapshots[b] ??= NewBoard(b, _entries[b]);

    private Board NewBoard(int b, BoardEntry[] entries)
    {
        var definition = _campaign.Boards[b];
        return new Board(definition.Key, _campaign.Blocks[definition.Block].Name, definition.Group?.Name,
            definition.Group?.AwardSlots ?? 0, ImmutableArray.Create(entries));
    }

    private (Placement Now, Placement? Then) Placements(DateOnly asOf, bool fromTimelines)
    {
        var now = new Placement(_campaign, _units, asOf, fromTimelines);
        var comparison = _campaign.ComparisonDateFor(asOf);
        return (now, comparison is { } date ? new Placement(_campaign, _units, date, fromTimelines) : null);
    }

    private ApplyResult RebuildAll()
    {
        // The live boards change unit by unit, so they evaluate figures directly and leave the timelines alone.
        (_now, _then) = Placements(_asOf, fromTimelines: false);
        var all = new bool[_campaign.Boards.Length];
        Array.Fill(all, true);
        return Materialize(all, fullRebuild: true);
    }

    /// <summary>Rewrites the dirty boards' entries, keeping only those that really differ as changes.</summary>
    private ApplyResult Materialize(bool[] dirty, bool fullRebuild)
    {
        List<BoardKey>? changed = null;
        List<RankMove>? moves = null;
        for (var b = 0; b < dirty.Length; b++)
        {
            if (!dirty[b]) continue;
            var members = _now.Members[b];
            var entries = _entries[b];
            var same = entries.Length == members.Count;
            if (!same) entries = new BoardEntry[members.Count];
            for (var i = 0; i < members.Count; i++)
            {
                var entry = Entry(_now, _then, b, members[i]);
                if (same && !entries[i].Equals(entry)) same = false;
                entries[i] = entry;
            }
            if (!same || !ReferenceEquals(entries, _entries[b]))
            {
                _entries[b] = entries;
                _snapshots[b] = null;
                (changed ??= []).Add(_campaign.Boards[b].Key);
            }
            foreach (var u in members)
            {
                if (_shownBoard[u] == b && _shownRank[u] == _now.Rank[u]) continue;
                (moves ??= []).Add(new RankMove(_units[u].Info.Code, KeyOf(_shownBoard[u]), RankOrNull(_shownBoard[u], _shownRank[u]),
                    _campaign.Boards[b].Key, _now.Rank[u]));
                _shownBoard[u] = b;
                _shownRank[u] = _now.Rank[u];
            }
        }
        // Units leave every board (no longer active) only on a full rebuild.
        for (var u = 0; fullRebuild && u < _units.Length; u++)
        {
            if (_now.BoardOf[u] >= 0 || _shownBoard[u] < 0) continue;
            (moves ??= []).Add(new RankMove(_units[u].Info.Code, KeyOf(_shownBoard[u]), _shownRank[u], null, null));
            _shownBoard[u] = -1;
            _shownRank[u] = 0;
        }
        if (changed is not null) _current = null;
        return new ApplyResult(_version, changed ?? (IReadOnlyList<BoardKey>)[], moves ?? (IReadOnlyList<RankMove>)[]);
    }

    private BoardKey? KeyOf(int board) => board >= 0 ? _campaign.Boards[board].Key : null;

    private static int? RankOrNull(int board, int rank) => board >= 0 ? rank : null;

    private void Fill(Placement now, Placement? then, int b, BoardEntry[] entries)
    {
        var members = now.Members[b];
        for (var i = 0; i < members.Count; i++) entries[i] = Entry(now, then, b, members[i]);
    }

    private BoardEntry Entry(Placement now, Placement? then, int b, int u)
    {
        int? previousRank = null;
        string? previousGroup = null;
        if (then is not null && then.BoardOf[u] >= 0)
        {
            previousGroup = _campaign.Boards[then.BoardOf[u]].Group?.Code;
            if (then.BoardOf[u] == b) previousRank = then.Rank[u];
        }
        var info = _units[u].Info;
        return new BoardEntry(now.Rank[u], info.Code, info.Name, ScoreMath.ShownFromHundredths(now.Hundredths[u]), now.Tied[u],
            previousRank, previousGroup, now.Dossiers[u] >= 0 ? now.Dossiers[u] : null);
    }

    private static void MarkBoards(bool[] dirty, (int From, int To) moved)
    {
        if (moved.From >= 0) dirty[moved.From] = true;
        if (moved.To >= 0) dirty[moved.To] = true;
    }

    private int Record(in Figure figure)
    {
        var u = _unitIndex[figure.Unit];
        _units[u].Record(_campaign, figure);
        return u;
    }

    private void EnsureApplicable(in Figure figure)
    {
        if (!_unitIndex.ContainsKey(figure.Unit))
            throw new ArgumentException($"Đơn vị “{figure.Unit}” không có trong danh sách.", nameof(figure));
        if (!figure.IsDossiers && _campaign.IndicatorIndexOf(figure.Indicator) < 0)
            throw new ArgumentException($"Chỉ tiêu “{figure.Indicator}” không có trong đợt thi đua.", nameof(figure));
        if (figure.Numerator < 0 || figure.Denominator < 0 || (!figure.IsDossiers && figure.Denominator is null))
            throw new ArgumentException($"Số liệu của “{figure.Unit}” ({figure.Indicator}) không hợp lệ.", nameof(figure));
    }

    private void SetUnits(IEnumerable<UnitInfo> units)
    {
        var previous = _units.ToDictionary(t => t.Info.Code, StringComparer.Ordinal);
        // Boards are compared with what was shown before, so a unit edit reports only the boards it
        // really changed; unit-indexed state follows each unit by its code.
        var shown = new Dictionary<string, (int Board, int Rank)>(StringComparer.Ordinal);
        for (var u = 0; u < _units.Length; u++) shown[_units[u].Info.Code] = (_shownBoard[u], _shownRank[u]);
        var tracks = new List<UnitTrack>();
        foreach (var info in units)
        {
            var block = _campaign.BlockIndexOf(info.Block);
            if (block < 0) throw new ArgumentException($"Đơn vị “{info.Code}” thuộc khối “{info.Block}” không có trong đợt thi đua.", nameof(units));
            if (previous.TryGetValue(info.Code, out var track))
            {
                if (track.Block != block) throw new ArgumentException($"Không thể chuyển đơn vị “{info.Code}” sang khối khác.", nameof(units));
                track.Info = info;
            }
            else track = new UnitTrack(info, block, _campaign.Indicators.Length);
            tracks.Add(track);
        }
        // Name order is fixed once per unit list, so board comparisons are integer comparisons.
        var ordered = tracks.OrderBy(t => t.Info.Name, Vi.Collation).ThenBy(t => t.Info.Code, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].NameOrder = i;

        _units = [.. tracks];
        _unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var u = 0; u < _units.Length; u++)
            if (!_unitIndex.TryAdd(_units[u].Info.Code, u))
                throw new ArgumentException($"Mã đơn vị “{_units[u].Info.Code}” bị trùng.", nameof(units));

        var n = _units.Length;
        _touchStamp = new int[n];
        _shownBoard = new int[n];
        _shownRank = new int[n];
        for (var u = 0; u < n; u++)
        {
            var (board, rank) = shown.TryGetValue(_units[u].Info.Code, out var was) ? was : (-1, 0);
            _shownBoard[u] = board;
            _shownRank[u] = rank;
        }
        if (_entries.Length == 0)
        {
            _entries = [.. Enumerable.Range(0, _campaign.Boards.Length).Select(_ => Array.Empty<BoardEntry>())];
            _snapshots = new Board?[_campaign.Boards.Length];
            _dirtyNow = new bool[_campaign.Boards.Length];
            _dirtyThen = new bool[_campaign.Boards.Length];
        }
        _current = null;
    }

    private DateOnly RequireInPeriod(DateOnly date) =>
        _campaign.IsInPeriod(date) ? date
        : throw new ArgumentOutOfRangeException(nameof(date), $"Ngày {Vi.Date(date)} nằm ngoài đợt thi đua ({Vi.Date(_campaign.Rules.PeriodStart)} – {Vi.Date(_campaign.Rules.PeriodEnd)}).");
}
