using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// The proposing office's tờ trình to the Emulation and Reward Board: legal grounds, the list of
/// collectives and individuals with their block, group, rank and score, the signature block.
/// </summary>
public static class ToTrinhDocument
{
    public const string FileName = "to-trinh.docx";

    public static byte[] Write(AwardDossier dossier, DossierOptions options) =>
        OfficialDocx.Write(dossier.IsDraft, body => Content(body, dossier, options));

    private static void Content(Body body, AwardDossier dossier, DossierOptions options)
    {
        OfficialDocx.NationalHeader(body, options, DossierText.Number(dossier.Number, "TTr", options.IssuerCode),
            DossierText.PlaceAndDate(options.Place, dossier.IssuedOn));
        OfficialDocx.Title(body, "TỜ TRÌNH",
            $"Về việc đề nghị tặng {options.AwardName} cho tập thể, cá nhân có thành tích xuất sắc",
            $"trong phong trào thi đua “{dossier.CampaignName}”");
        body.Append(OfficialDocx.Line($"Kính gửi: {options.Recipient}.", OfficialDocx.Body, center: true));
        body.Append(OfficialDocx.Spacer());

        foreach (var ground in options.LegalGrounds) body.Append(OfficialDocx.Text(ground, italic: true));

        body.Append(OfficialDocx.Text(
            $"Trên cơ sở kết quả chấm điểm, xếp hạng các cơ quan, đơn vị trong đợt thi đua từ ngày {Vi.Date(dossier.PeriodStart)} đến ngày {Vi.Date(dossier.PeriodEnd)} " +
            $"và kết quả họp xét, {options.IssuerFullName} kính trình {options.Recipient} thẩm định, trình {options.DecisionMaker} xem xét, " +
            $"tặng {options.AwardName} cho {Vi.Count(dossier.Collectives.Count)} tập thể và {Vi.Count(dossier.Individuals.Count)} cá nhân có thành tích xuất sắc, cụ thể như sau:"));

        body.Append(OfficialDocx.Heading($"1. Tập thể ({Vi.Count(dossier.Collectives.Count)})"));
        DossierTables.Collectives(body, dossier);
        body.Append(OfficialDocx.Heading($"2. Cá nhân ({Vi.Count(dossier.Individuals.Count)})"));
        DossierTables.Individuals(body, dossier);

        body.Append(OfficialDocx.Text(DossierText.Basis(dossier), italic: true));
        if (dossier.Decision is { } decision)
            body.Append(OfficialDocx.Text($"Danh sách đã được khen thưởng theo Quyết định số {decision.Number} ngày {Vi.Date(decision.Date)} của {decision.Signer}.", italic: true));
        body.Append(OfficialDocx.Text(
            "Hồ sơ kèm theo: biên bản họp xét; báo cáo thành tích của từng tập thể theo Mẫu số 08 ban hành kèm theo Nghị định số 98/2023/NĐ-CP."));
        body.Append(OfficialDocx.Text($"{options.IssuerFullName} kính trình {options.Recipient} xem xét, thẩm định./."));

        OfficialDocx.Signature(body, options.Recipients, SignerLines(options), options.SignerName);
    }

    internal static IReadOnlyList<string> SignerLines(DossierOptions options) =>
        [.. new[] { options.SignerAuthority, options.SignerTitle }.Where(line => !string.IsNullOrWhiteSpace(line))];
}
