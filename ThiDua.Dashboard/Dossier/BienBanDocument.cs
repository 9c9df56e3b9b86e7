using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// The minutes of the selection meeting: time, place, chair, secretary, attendees, the vote on each
/// proposal, then the selected list. Until the meeting is recorded every one of those is a blank
/// to fill by hand ("……"), so the office can print it and take it into the meeting.
/// </summary>
public static class BienBanDocument
{
    public const string FileName = "bien-ban.docx";

    public static byte[] Write(AwardDossier dossier, DossierOptions options) =>
        OfficialDocx.Write(dossier.IsDraft, body => Content(body, dossier, options));

    private static void Content(Body body, AwardDossier dossier, DossierOptions options)
    {
        var meeting = dossier.Meeting;
        OfficialDocx.NationalHeader(body, options, DossierText.Number(null, "BB", options.IssuerCode),
            DossierText.PlaceAndDate(options.Place, meeting is null ? null : DateOnly.FromDateTime(meeting.At)));
        OfficialDocx.Title(body, "BIÊN BẢN", "Họp xét đề nghị khen thưởng phong trào thi đua", $"“{dossier.CampaignName}”");

        body.Append(OfficialDocx.Text(meeting is null
            ? $"Thời gian: vào lúc {DossierText.Blank} giờ {DossierText.Blank}, ngày {DossierText.Blank} tháng {DossierText.Blank} năm {DossierText.Blank}."
            : $"Thời gian: vào lúc {meeting.At:HH} giờ {meeting.At:mm}, ngày {meeting.At:dd} tháng {meeting.At:MM} năm {meeting.At:yyyy}.".ToString(CultureInfo.InvariantCulture)));
        body.Append(OfficialDocx.Text($"Địa điểm: {Filled(meeting?.Place)}."));
        body.Append(OfficialDocx.Text($"Chủ trì: {Filled(meeting?.Chair)}."));
        body.Append(OfficialDocx.Text($"Thư ký: {Filled(meeting?.Secretary)}."));
        body.Append(OfficialDocx.Text("Thành phần tham dự:"));
        if (meeting is { Attendees.Count: > 0 })
            foreach (var attendee in meeting.Attendees) body.Append(OfficialDocx.Text($"- {attendee};"));
        else
            for (var i = 0; i < 3; i++) body.Append(OfficialDocx.Text($"- {DossierText.Blank}{DossierText.Blank}{DossierText.Blank};"));

        body.Append(OfficialDocx.Heading("Nội dung cuộc họp:"));
        body.Append(OfficialDocx.Text(
            $"Căn cứ kết quả chấm điểm, xếp hạng các cơ quan, đơn vị trong phong trào thi đua ({DossierText.BasisClause(dossier)}), " +
            "cuộc họp đã xem xét từng đề nghị và biểu quyết như sau:"));
        body.Append(OfficialDocx.Grid([720, 3230, 800, 1000, 1200, 1200, 1200],
            ["STT", "Đề nghị khen thưởng", "Hạng", "Điểm", "Tán thành", "Không tán thành", "Không biểu quyết"],
            Votes(dossier), rightAligned: new HashSet<int> { 2, 3, 4, 5, 6 }));
        body.Append(OfficialDocx.Spacer());

        body.Append(OfficialDocx.Heading("Kết quả:"));
        body.Append(OfficialDocx.Text(
            $"Cuộc họp thống nhất đề nghị {options.DecisionMaker} tặng {options.AwardName} cho {Vi.Count(dossier.Collectives.Count)} tập thể và {Vi.Count(dossier.Individuals.Count)} cá nhân sau:"));
        body.Append(OfficialDocx.Heading($"1. Tập thể ({Vi.Count(dossier.Collectives.Count)})"));
        DossierTables.Collectives(body, dossier);
        body.Append(OfficialDocx.Heading($"2. Cá nhân ({Vi.Count(dossier.Individuals.Count)})"));
        DossierTables.Individuals(body, dossier);
        body.Append(OfficialDocx.Text($"Cuộc họp kết thúc vào lúc {DossierText.Blank} giờ {DossierText.Blank} cùng ngày; biên bản đã được thông qua tại cuộc họp./."));

        OfficialDocx.Signatures(body, ["THƯ KÝ"], meeting?.Secretary, ["CHỦ TRÌ"], meeting?.Chair);
    }

    /// <summary>One row per proposed collective, then one per individual; a vote not recorded is a blank.</summary>
    private static IEnumerable<IReadOnlyList<string>> Votes(AwardDossier dossier)
    {
        var votes = dossier.Meeting?.Votes.ToDictionary(v => v.Subject, StringComparer.Ordinal) ?? [];
        var number = 0;
        foreach (var c in dossier.Collectives)
            yield return Row(++number, $"Tập thể: {c.Name}", DossierText.Rank(c.Rank), c.Rank > 0 ? DossierText.Score(c.Score) : "—", votes.GetValueOrDefault(c.Unit));
        foreach (var p in dossier.Individuals)
            yield return Row(++number, $"Cá nhân: {p.FullName} ({p.UnitName})", "", "", votes.GetValueOrDefault(p.FullName));
    }

    private static IReadOnlyList<string> Row(int number, string subject, string rank, string score, MeetingVote? vote) =>
    [
        number.ToString(CultureInfo.InvariantCulture), subject, rank, score,
        vote is null ? DossierText.Blank : Vi.Count(vote.For),
        vote is null ? DossierText.Blank : Vi.Count(vote.Against),
        vote is null ? DossierText.Blank : Vi.Count(vote.Abstain),
    ];

    private static string Filled(string? text) => string.IsNullOrWhiteSpace(text) ? DossierText.Blank + DossierText.Blank + DossierText.Blank : text.Trim();
}
