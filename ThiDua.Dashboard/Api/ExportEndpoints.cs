using ThiDua.Dashboard.Export;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Api;

/// <summary>Downloads of the boards and the award proposal as XLSX (for people) or CSV (for machines). Reading needs no key.</summary>
public static class ExportEndpoints
{
    private const string BadFormatTitle = "Định dạng tệp xuất không được hỗ trợ";
    private const string BadFormatDetail = "Dùng format=xlsx (mặc định) hoặc format=csv.";

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("ThiDua").WithApiErrors();

        api.MapGet("/leaderboards/export", (string? format, string? asOf, EngineHost host, ExportService exports) =>
                Export(format, asOf, host, (date, fileFormat) => Task.FromResult(exports.Leaderboards(date, fileFormat))))
            .WithName("exportLeaderboards")
            .WithSummary("Tải bảng xếp hạng tại một ngày số liệu (format=xlsx|csv)")
            .Produces(StatusCodes.Status200OK, contentType: ExportFormats.XlsxContentType, additionalContentTypes: ExportFormats.CsvContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/awards/export", (string? format, string? asOf, EngineHost host, ExportService exports) =>
                Export(format, asOf, host, exports.AwardsAsync))
            .WithName("exportAwards")
            .WithSummary("Tải đề xuất khen thưởng tại một ngày số liệu (format=xlsx|csv)")
            .Produces(StatusCodes.Status200OK, contentType: ExportFormats.XlsxContentType, additionalContentTypes: ExportFormats.CsvContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return app;
    }

    private static async Task<IResult> Export(string? format, string? asOf, EngineHost host, Func<DateOnly, ExportFormat, Task<ExportFile>> export)
    {
        if (!ExportFormats.TryParse(format, out var fileFormat)) return Problems.BadParameter("format", BadFormatTitle, BadFormatDetail);
        if (!AsOfQuery.TryResolve(asOf, host, out var date, out var problem)) return problem!;
        if (!host.IsLoaded) return Problems.Unavailable("Bảng xếp hạng đang được nạp; hãy thử lại sau ít giây.");
        var file = await export(date, fileFormat);
        // Results.File with a download name sends Content-Disposition: attachment; filename=...
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
