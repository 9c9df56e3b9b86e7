using System.Globalization;
using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Dossier;

/// <summary>What one vote row may be about: a proposed collective (by unit code) or an individual (by full name, as the biên bản matches them).</summary>
public sealed record MeetingSubject(string Key, string Label, bool Collective);

/// <summary>The minutes as entered (on the page or the API), not yet checked: <see cref="At"/> is "yyyy-MM-ddTHH:mm".</summary>
public sealed record MeetingMinutesDraft(string? At, string? Place, string? Chair, string? Secretary, IReadOnlyList<string?> Attendees, IReadOnlyList<MeetingVoteDraft> Votes);

public sealed record MeetingVoteDraft(string? Subject, long For, long Against, long Abstain);

/// <summary>
/// The selection meeting's minutes (biên bản họp xét): checked here so the page and the API refuse the
/// same things with the same Vietnamese words, stored append-only with their audit entry in one transaction.
/// </summary>
public sealed class MeetingBook(MeetingRepository meetings, DossierSource dossier, EngineHost host, LeaderboardNotifier notifier, IAuditTrail audit, TimeProvider time)
{
    public const int MaxPlaceLength = 500;
    public const int MaxNameLength = 200;
    public const int MaxAttendees = 100;
    public const int MaxVoteCount = 10_000;

    public async Task<MeetingMinutesRecord?> CurrentAsync(CancellationToken cancellationToken = default) => await meetings.CurrentAsync(cancellationToken);

    /// <summary>The subjects of the proposal the dossier uses today: each proposed collective, then each individual.</summary>
    public async Task<IReadOnlyList<MeetingSubject>> SubjectsAsync(CancellationToken cancellationToken = default)
    {
        var current = await dossier.CurrentAsync(host.DefaultAsOf(), cancellationToken);
        return
        [
            .. current.Collectives.Select(c => new MeetingSubject(c.Unit, $"Tập thể: {c.Name}", Collective: true)),
            .. current.Individuals.Select(p => new MeetingSubject(p.FullName, $"Cá nhân: {p.FullName} ({p.UnitName})", Collective: false)),
        ];
    }

    /// <summary>Checks and records the minutes, which become the current ones.</summary>
    /// <returns>The recorded minutes, or every mistake named on its API field (nothing is stored then).</returns>
    /// <exception cref="AuditWriteException">The audit entry could not be written; nothing is stored.</exception>
    public async Task<(MeetingMinutesRecord? Recorded, IReadOnlyList<ItemError> Errors)> RecordAsync(MeetingMinutesDraft draft, string by, string? address = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<ItemError>();
        var at = Time(draft.At, errors);
        var place = Required(draft.Place, "place", "địa điểm họp", MaxPlaceLength, errors);
        var chair = Required(draft.Chair, "chair", "người chủ trì", MaxNameLength, errors);
        var secretary = Required(draft.Secretary, "secretary", "thư ký cuộc họp", MaxNameLength, errors);
        var attendees = Attendees(draft.Attendees, errors);
        var votes = Votes(draft.Votes, await SubjectsAsync(cancellationToken), errors);
        if (errors.Count > 0) return (null, errors);

        var before = await meetings.CurrentAsync(cancellationToken);
        var minutes = new MeetingMinutes(at!.Value, place!, chair!, secretary!, attendees, votes);
        // The minutes and their audit entry are one transaction.
        var recorded = await meetings.RecordAsync(minutes, by, time.GetUtcNow(), CancellationToken.None,
            audit.EntryFor<MeetingMinutesRecord>(r => new AuditRecord(AuditKinds.Meeting, by, address,
                $"Biên bản họp xét: {r.Minutes.At.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)} tại {r.Minutes.Place}, chủ trì {r.Minutes.Chair}", "meeting",
                Before: before is null ? null : Describe(before.Minutes), After: Describe(r.Minutes))));
        notifier.PublishDecisions();
        return (recorded, []);
    }

    private static object Describe(MeetingMinutes m) => new
    {
        at = m.At.ToString(MeetingRepository.TimeFormat, CultureInfo.InvariantCulture), place = m.Place, chair = m.Chair, secretary = m.Secretary,
        attendees = m.Attendees, votes = m.Votes,
    };

    private static DateTime? Time(string? text, List<ItemError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            errors.Add(new ItemError(0, "at", "Cần ghi thời gian họp (ngày và giờ, dạng yyyy-MM-ddTHH:mm, giờ địa phương)."));
        else if (DateTime.TryParseExact(text.Trim(), MeetingRepository.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return at;
        else
            errors.Add(new ItemError(0, "at", $"Thời gian họp “{Echo.Input(text)}” không đúng dạng yyyy-MM-ddTHH:mm (ví dụ 2025-01-08T14:30)."));
        return null;
    }

    private static string? Required(string? text, string field, string label, int max, List<ItemError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new ItemError(0, field, $"Cần ghi {label}."));
        else if (text.Trim().Length > max) errors.Add(new ItemError(0, field, $"Tên {label} dài quá {Vi.Count(max)} ký tự."));
        else return text.Trim();
        return null;
    }

    private static List<string> Attendees(IReadOnlyList<string?> attendees, List<ItemError> errors)
    {
        if (attendees.Count > MaxAttendees)
            errors.Add(new ItemError(0, "attendees", $"Thành phần tham dự nhiều quá {Vi.Count(MaxAttendees)} người."));
        var names = new List<string>();
        for (var i = 0; i < attendees.Count; i++)
        {
            var name = attendees[i]?.Trim();
            if (string.IsNullOrEmpty(name)) errors.Add(new ItemError(i, $"attendees[{i}]", $"Người tham dự thứ {i + 1} để trống."));
            else if (name.Length > MaxNameLength) errors.Add(new ItemError(i, $"attendees[{i}]", $"Người tham dự thứ {i + 1} dài quá {Vi.Count(MaxNameLength)} ký tự."));
            else names.Add(name);
        }
        return names;
    }

    private static List<MeetingVote> Votes(IReadOnlyList<MeetingVoteDraft> votes, IReadOnlyList<MeetingSubject> subjects, List<ItemError> errors)
    {
        var known = subjects.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MeetingVote>();
        for (var i = 0; i < votes.Count; i++)
        {
            var vote = votes[i];
            var path = $"votes[{i}]";
            var subject = vote.Subject?.Trim();
            var count = errors.Count;
            if (string.IsNullOrEmpty(subject))
                errors.Add(new ItemError(i, $"{path}.subject", $"Biểu quyết thứ {i + 1}: cần ghi đề nghị được biểu quyết (mã đơn vị hoặc họ tên cá nhân)."));
            else if (!known.ContainsKey(subject))
                errors.Add(new ItemError(i, $"{path}.subject",
                    $"Biểu quyết thứ {i + 1}: “{Echo.Input(subject)}” không có trong đề xuất; ghi mã đơn vị được đề xuất khen tập thể hoặc họ tên cá nhân được đề nghị."));
            else if (!seen.Add(subject))
                errors.Add(new ItemError(i, $"{path}.subject", $"Biểu quyết thứ {i + 1}: {known[subject].Label} đã có biểu quyết ở dòng trước."));
            foreach (var (field, label, value) in new[] { ("for", "tán thành", vote.For), ("against", "không tán thành", vote.Against), ("abstain", "không biểu quyết", vote.Abstain) })
            {
                if (value < 0) errors.Add(new ItemError(i, $"{path}.{field}", $"Biểu quyết thứ {i + 1}: số {label} không được âm."));
                else if (value > MaxVoteCount) errors.Add(new ItemError(i, $"{path}.{field}", $"Biểu quyết thứ {i + 1}: số {label} lớn quá {Vi.Count(MaxVoteCount)}."));
            }
            if (errors.Count == count) result.Add(new MeetingVote(subject!, (int)vote.For, (int)vote.Against, (int)vote.Abstain));
        }
        return result;
    }
}
