using ThiDua.Dashboard.Awards.Proposal;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Wording;
using ThiDua.Scoring.Ranking;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Export;

/// <summary>Builds the leaderboard and award-proposal files from the live engine as of a date.</summary>
public sealed class ExportService(EngineHost host, ProposalWorkflow workflow, CampaignClock clock)
{
    private const int ConsistentReadAttempts = 3;

    /// <summary>The information sheet's row that says whose point scale the file uses.</summary>
    public const string ScaleItem = "Thang điểm";

    /// <summary>The information sheet's row that says where the award proposal stands.</summary>
    public const string ProposalStateItem = "Trạng thái đề xuất";

    /// <summary>Every board as of the date: a workbook with one sheet per block, or one CSV table.</summary>
    /// <param name="asOf">A date inside the campaign period (the caller checks it).</param>
    public ExportFile Leaderboards(DateOnly asOf, ExportFormat format)
    {
        var rules = host.Rules;
        var (standings, scores) = ReadConsistent(asOf);
        var fileName = ExportFormats.FileName(LeaderboardExport.BaseName, asOf, format);
        if (format == ExportFormat.Csv)
            return new ExportFile(CsvExport.Write(LeaderboardExport.Table(rules, standings, scores)), ExportFormats.CsvContentType, fileName);

        var info = ExportInfo.Sheet(rules, standings.AsOf, standings.Version, clock.LocalNow(rules),
        [
            ("Biến động so với ngày", standings.ComparisonDate is { } compared ? Vi.Date(compared) : "—"),
            (ScaleItem, PointScale.Origin(rules)),
            .. rules.Indicators.Select(i => ($"Nội dung {ExportColumns.Content(i)}", (object?)$"{i.Name} ({PointScale.Setting(i)})")),
        ]);
        var sheets = new List<ExportSheet> { info };
        sheets.AddRange(LeaderboardExport.BlockSheets(rules, standings, scores));
        return new ExportFile(XlsxExport.Write(sheets, ExportColumns.Styles(rules)), ExportFormats.XlsxContentType, fileName);
    }

    /// <summary>
    /// The award proposal as of the date, committee nominations included (once the City Office fixed the
    /// list, that list, and once decided a line with the decision): a workbook (information sheet, then
    /// the proposal) or one CSV table.
    /// </summary>
    /// <param name="asOf">A date inside the campaign period (the caller checks it).</param>
    public async Task<ExportFile> AwardsAsync(DateOnly asOf, ExportFormat format)
    {
        var rules = host.Rules;
        var proposal = await workflow.CurrentAsync(asOf);
        var sheet = AwardExport.Sheet(rules, proposal);
        var fileName = ExportFormats.FileName(AwardExport.BaseName, asOf, format);
        if (format == ExportFormat.Csv)
            return new ExportFile(CsvExport.Write(sheet), ExportFormats.CsvContentType, fileName);

        // A fixed list is as of the date the City Office fixed it, not the date asked for.
        var info = ExportInfo.Sheet(rules, proposal.AsOf, proposal.Version, clock.LocalNow(rules),
        [
            (ProposalStateItem, ProposalStates.Label(proposal.State)),
            .. proposal.Decision is { } decision ? [(AwardExport.DecisionLine, (object?)AwardStanding.DecisionText(decision))] : Array.Empty<(string, object?)>(),
        ]);
        return new ExportFile(XlsxExport.Write([info, sheet], ExportColumns.Styles(rules)), ExportFormats.XlsxContentType, fileName);
    }

    /// <summary>
    /// The boards and the breakdowns are two engine calls; a batch applied between them would mix
    /// two versions in one file, so the pair is read again (a few times at most) until the version
    /// did not move.
    /// </summary>
    private (Standings Standings, IReadOnlyDictionary<string, UnitScore> Scores) ReadConsistent(DateOnly asOf)
    {
        var engine = host.Engine;
        for (var attempt = 1; ; attempt++)
        {
            var standings = engine.StandingsAsOf(asOf);
            var scores = engine.Scores(standings.Boards.SelectMany(b => b.Entries).Select(e => e.Unit), asOf);
            if (engine.Version == standings.Version || attempt == ConsistentReadAttempts) return (standings, scores);
        }
    }
}
