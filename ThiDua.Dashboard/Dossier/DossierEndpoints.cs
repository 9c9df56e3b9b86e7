using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Export;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// The award dossier as downloads. Reading: same rules as the other award reads (GET, anonymous
/// when <c>ThiDua:Access:AnonymousRead</c> allows). Built from the live proposal, so always a draft.
/// </summary>
public static class DossierEndpoints
{
    public static IEndpointRouteBuilder MapDossierApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/awards").WithTags("ThiDua").WithApiErrors();

        api.MapGet("/dossier/to-trinh.docx", (string? asOf, EngineHost host, DossierService dossier, CancellationToken ct) =>
                Download(asOf, host, dossier, ct, d => File(dossier.ToTrinh(d), OfficialDocx.ContentType, ToTrinhDocument.FileName)))
            .WithName("getDossierToTrinh")
            .WithSummary("Tờ trình đề nghị khen thưởng (Word, dự thảo)")
            .Produces(StatusCodes.Status200OK, contentType: OfficialDocx.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/dossier/bien-ban.docx", (string? asOf, EngineHost host, DossierService dossier, CancellationToken ct) =>
                Download(asOf, host, dossier, ct, d => File(dossier.BienBan(d), OfficialDocx.ContentType, BienBanDocument.FileName)))
            .WithName("getDossierBienBan")
            .WithSummary("Biên bản họp xét khen thưởng (Word, dự thảo)")
            .Produces(StatusCodes.Status200OK, contentType: OfficialDocx.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/dossier/bao-cao/{unit}.docx", (string unit, string? asOf, EngineHost host, DossierService dossier, CancellationToken ct) =>
                Download(asOf, host, dossier, ct, d => dossier.BaoCao(d, unit) is { } report
                    ? File(report, OfficialDocx.ContentType, BaoCaoDocument.FileName(unit))
                    : Problems.UnitNotFound(unit)))
            .WithName("getDossierBaoCao")
            .WithSummary("Báo cáo thành tích của một đơn vị theo Mẫu số 08 Nghị định 98/2023/NĐ-CP (Word, dự thảo)")
            .Produces(StatusCodes.Status200OK, contentType: OfficialDocx.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/dossier/danh-sach.xlsx", (string? asOf, EngineHost host, DossierService dossier, CancellationToken ct) =>
                Download(asOf, host, dossier, ct, d => File(dossier.DanhSach(d), ExportFormats.XlsxContentType, DanhSachWorkbook.FileName)))
            .WithName("getDossierDanhSach")
            .WithSummary("Danh sách đề nghị khen thưởng (Excel, dự thảo)")
            .Produces(StatusCodes.Status200OK, contentType: ExportFormats.XlsxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/dossier.zip", (string? asOf, EngineHost host, DossierService dossier, CancellationToken ct) =>
                Download(asOf, host, dossier, ct, d => File(dossier.Zip(d), DossierZip.ContentType, DossierZip.FileName)))
            .WithName("getDossierZip")
            .WithSummary("Toàn bộ hồ sơ đề nghị khen thưởng (tệp nén)")
            .Produces(StatusCodes.Status200OK, contentType: DossierZip.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return app;
    }

    private static async Task<IResult> Download(string? asOf, EngineHost host, DossierService dossier, CancellationToken ct, Func<AwardDossier, IResult> file)
    {
        if (!AsOfQuery.TryResolve(asOf, host, out var date, out var problem)) return problem!;
        if (!host.IsLoaded) return Problems.Unavailable("Bảng xếp hạng đang được nạp; hãy thử lại sau ít giây.");
        return file(await dossier.CurrentAsync(date, ct));
    }

    // Results.File with a download name sends Content-Disposition: attachment; filename=...
    private static IResult File(byte[] content, string contentType, string name) => TypedResults.File(content, contentType, name);
}
