using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Import;

public class ImportApiTests : ApiTest
{
    public ImportApiTests()
    {
    }

    private protected ImportApiTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private const string Header = "ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\r\n";

    private static readonly string[] Units =
        ["so-y-te", "so-noi-vu", "q-ninh-kieu", "q-cai-rang", "h-phong-dien", "p-an-hoa", "p-an-binh", "p-cai-khe", "p-hung-loi", "p-tan-an"];

    private static readonly string[] Indicators = ["a", "b", "c", "d", "dd", "g", "h", "i", "dossiers"];

    /// <summary>Distinct, valid figures: ten units active all year, every indicator that applies to them, days from 1 January 2024.</summary>
    private static string GoodCsv(int rows)
    {
        var csv = new StringBuilder(Header);
        var start = new DateOnly(2024, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var unit = Units[i % Units.Length];
            var indicator = Indicators[i / Units.Length % Indicators.Length];
            var day = start.AddDays(i / (Units.Length * Indicators.Length));
            csv.Append(unit).Append(',').Append(day.ToString("dd'/'MM'/'yyyy")).Append(',').Append(indicator).Append(',')
                .Append(indicator == "dossiers" ? $"{100 + i},\r\n" : $"{i % 90},100\r\n");
        }
        return csv.ToString();
    }

    private Task<HttpResponseMessage> Upload(string content, string fileName, bool? dryRun, HttpClient? client = null) =>
        Upload(Encoding.UTF8.GetBytes(content), fileName, dryRun, client);

    private Task<HttpResponseMessage> Upload(byte[] content, string fileName, bool? dryRun, HttpClient? client = null, string? campaign = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        var query = dryRun is { } d ? $"?dryRun={(d ? "true" : "false")}" : "";
        if (campaign is not null) query += (query.Length == 0 ? "?" : "&") + "campaign=" + campaign;
        return (client ?? Api.Writer).PostAsync("api/v1/imports" + query, form);
    }

    private Task<long> StoredFigures() => Api.Services.GetRequiredService<FigureRepository>().CountAsync();

    private long EngineVersion => Api.Services.GetRequiredService<EngineHost>().Engine.Version;

    private static IReadOnlyList<(int Row, string Column, string Message)> Errors(JsonElement body) =>
        body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!))
            .ToList();

    [Fact]
    public async Task Import_DryRunGoodFile_Returns200WithCountsAndStoresNothing()
    {
        var response = await Upload(GoodCsv(300), "so-lieu-thang-6.csv", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(300, body.GetProperty("rows").GetInt32());
        Assert.Equal(10, body.GetProperty("units").GetInt32());
        Assert.Equal(["a", "b", "c", "d", "dd", "dossiers", "g", "h", "i"], body.GetProperty("indicators").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(Errors(body));
        Assert.False(body.GetProperty("committed").GetBoolean());
        Assert.Equal(0, body.GetProperty("version").GetInt64());
        Assert.Equal(0, await StoredFigures());
    }

    [Fact]
    public async Task Import_DryRunBadRows_Returns200WithErrorsAtRowAndColumnAsWritten()
    {
        var csv = "Unit;AsOf;Indicator;Numerator;Denominator\n"
                  + "p-an-hoa;2024-06-30;c;82;100\n"
                  + "p-khong-co;2024-06-30;c;1;2\n"
                  + "p-an-hoa;30/06/2024;q;1;2\n"
                  + "p-an-hoa;2024-06-30;c;5;2\n"
                  + "p-an-hoa;ngày 30;dossiers;1;\n";

        var response = await Upload(csv, "loi.csv", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Errors(await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(
        [
            (3, "Unit", "Không có đơn vị mã “p-khong-co”."),
            (4, "Indicator", "Không có chỉ tiêu “q”; dùng một trong: a, b, c, d, dd, e, g, h, i hoặc dossiers (số hồ sơ giải quyết)."),
            (5, "Numerator", "Tử số (5) lớn hơn mẫu số (2)."),
            (6, "AsOf", "Ngày số liệu “ngày 30” không hợp lệ; viết theo dạng yyyy-MM-dd hoặc dd/MM/yyyy (ví dụ 2024-06-30 hoặc 30/06/2024)."),
        ], errors);
        Assert.Equal(0, await StoredFigures());
    }

    [Fact]
    public async Task Import_CommitTenThousandRowsWithOneBad_Returns400ProblemAndStoresNothing()
    {
        var lines = GoodCsv(10_000).Split("\r\n").ToList();
        lines[5_001] = "p-an-hoa,2025-01-05,c,1,2"; // after the campaign period; spreadsheet row 5,002
        var before = EngineVersion;

        var response = await Upload(string.Join("\r\n", lines), "ca-nam.csv", dryRun: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tệp có lỗi, không lưu dòng nào", problem.GetProperty("title").GetString());
        Assert.Equal(10_000, problem.GetProperty("rows").GetInt32());
        Assert.False(problem.GetProperty("committed").GetBoolean());
        Assert.Equal(before, problem.GetProperty("version").GetInt64());
        var error = Assert.Single(Errors(problem));
        Assert.Equal((5_002, "ngay_so_lieu"), (error.Row, error.Column));
        Assert.Contains("05/01/2025", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await StoredFigures());
        Assert.Equal(before, EngineVersion);
    }

    [Fact]
    public async Task Import_CommitGoodTenThousandRows_StoresOneBatchAndRaisesVersionByOne()
    {
        var before = EngineVersion;

        var response = await Upload(GoodCsv(10_000), @"C:\Users\can-bo\so-lieu-ca-nam.csv", dryRun: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("committed").GetBoolean());
        Assert.Equal(10_000, body.GetProperty("rows").GetInt32());
        Assert.Equal(before + 1, body.GetProperty("version").GetInt64());
        Assert.Equal(before + 1, EngineVersion);
        Assert.Equal(10_000, await StoredFigures());
        var stored = await Api.Services.GetRequiredService<FigureRepository>().ReadAllAsync();
        Assert.Single(stored.Select(f => f.BatchId).Distinct());
        Assert.All(stored, f => Assert.Equal(("so-lieu-ca-nam.csv", "may-thu"), (f.Source, f.By)));
    }

    private const string SaveAsUtf8 = "Trong Excel chọn Tệp → Lưu Như (File → Save As), loại tệp “CSV UTF-8 (Comma delimited) (*.csv)”, rồi gửi lại tệp.";

    /// <summary>A refused commit: 400 problem+json, one error on the whole row, nothing stored.</summary>
    private async Task AssertRefused(HttpResponseMessage response, int row, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tệp có lỗi, không lưu dòng nào", problem.GetProperty("title").GetString());
        Assert.False(problem.GetProperty("committed").GetBoolean());
        Assert.Equal([(row, "", message)], Errors(problem));
        Assert.Equal(0, await StoredFigures());
        Assert.Equal(0, EngineVersion);
    }

    [Theory]
    [InlineData("so-lieu-unicode.csv")]
    [InlineData("so-lieu-unicode.txt")] // the name Excel gives "Unicode Text" by default
    public async Task Import_CommitExcelUnicodeTextUtf16TabSeparated_Returns200AndStoresEveryRow(string fileName)
    {
        // Excel's "Unicode Text": UTF-16 LE with a BOM, tab-separated, here with a column of Vietnamese names.
        var text = GoodCsv(300).Replace(",", "\t", StringComparison.Ordinal).Replace("\r\n", "\tPhường An Hòa\r\n", StringComparison.Ordinal);
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];

        var response = await Upload(bytes, fileName, dryRun: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("committed").GetBoolean());
        Assert.Equal(300, body.GetProperty("rows").GetInt32());
        Assert.Equal(300, await StoredFigures());
    }

    [Theory]
    [InlineData(1258, "Phường Cái Khế", 7)]
    [InlineData(1252, "Café", 12)]
    public async Task Import_CommitLegacyEncodedFile_Returns400NamingTheFirstRowThatCannotBeDecoded(int codePage, string name, int row)
    {
        // ASCII names above the row, the accented name on it: the bytes differ from UTF-8 only there.
        var lines = GoodCsv(20).Split("\r\n");
        var text = string.Join("\r\n", lines.Select((line, i) => line.Length == 0 ? line : line + (i == 0 ? ",ten_don_vi" : i + 1 == row ? "," + name : ",Phuong")));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        var response = await Upload(Encoding.GetEncoding(codePage).GetBytes(text), $"cp{codePage}.csv", dryRun: false);

        await AssertRefused(response, row,
            $"Dòng {row} không đọc được theo UTF-8: tệp có vẻ được lưu bằng bảng mã khác (Windows-1258 hoặc Windows-1252). {SaveAsUtf8}");
    }

    [Fact]
    public async Task Import_CommitUtf16WithoutBom_Returns400NamingRowOneAndUtf16()
    {
        var response = await Upload(Encoding.Unicode.GetBytes(GoodCsv(5).Replace(",", "\t", StringComparison.Ordinal)), "unicode.csv", dryRun: false);

        await AssertRefused(response, 1,
            $"Dòng 1 không đọc được theo UTF-8: dòng này có byte 0, dấu hiệu của tệp được lưu bằng UTF-16 không có BOM. {SaveAsUtf8}");
    }

    [Fact]
    public async Task Import_DryRunTabFileMissingAColumn_Returns200WithTheColumnNamedOnRowOne()
    {
        var text = "ma_don_vi\tngay_so_lieu\tchi_tieu\ttu_so\r\np-an-hoa\t30/06/2024\tc\t82\r\n";
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];

        var response = await Upload(bytes, "thieu-cot.csv", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([(1, "mau_so", "Dòng tiêu đề thiếu cột “mau_so” (hoặc “denominator”).")], Errors(body));
        Assert.Equal(1, body.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Import_CommitXlsxWithDateCells_StoresItsRows()
    {
        var sheet = new MemoryStream();
        sheet.SaveAs(new List<Dictionary<string, object?>>
        {
            new() { ["unit"] = "p-an-hoa", ["asOf"] = new DateTime(2024, 6, 30), ["indicator"] = "c", ["numerator"] = 82, ["denominator"] = 100 },
            new() { ["unit"] = "p-an-hoa", ["asOf"] = "30/06/2024", ["indicator"] = "dossiers", ["numerator"] = 2400, ["denominator"] = null },
        });

        var response = await Upload(sheet.ToArray(), "so-lieu.xlsx", dryRun: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await StoredFigures());
        Assert.Equal(1, EngineVersion);
    }

    [Fact]
    public async Task Import_TemplateFile_PreviewsWithoutErrors()
    {
        var template = await Api.Client.GetByteArrayAsync("api/v1/imports/template?format=xlsx");

        var response = await Upload(template, "mau-nhap-so-lieu.xlsx", dryRun: true);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("rows").GetInt32());
        Assert.Empty(Errors(body));
    }

    [Fact]
    public async Task Import_WithoutDryRun_OnlyPreviews()
    {
        var response = await Upload(GoodCsv(3), "so-lieu.csv", dryRun: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("committed").GetBoolean());
        Assert.Equal(0, await StoredFigures());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sai-khoa")]
    public async Task Import_MissingOrUnknownKey_Returns401ProblemAndStoresNothing(string? key)
    {
        using var client = new HttpClient { BaseAddress = Api.BaseAddress };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var response = await Upload(GoodCsv(3), "so-lieu.csv", dryRun: false, client);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await StoredFigures());
    }

    [Fact]
    public async Task Import_NoFilePart_Returns400WithVietnameseTitle()
    {
        var form = new MultipartFormDataContent { { new StringContent("x"), "ghi_chu" } };

        var response = await Api.Writer.PostAsync("api/v1/imports?dryRun=false", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Thiếu tệp số liệu", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Import_UnsupportedExtension_Returns400WithVietnameseTitle()
    {
        var response = await Upload(GoodCsv(3), "so-lieu.xls", dryRun: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Định dạng tệp không được hỗ trợ", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("csv", "text/csv", "mau-nhap-so-lieu.csv")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-nhap-so-lieu.xlsx")]
    public async Task Template_Format_ReturnsFileWithContentTypeAndName(string format, string mediaType, string fileName)
    {
        var response = await Api.Client.GetAsync($"api/v1/imports/template?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Template_CsvStartsWithVietnameseHeaders()
    {
        var text = await Api.Client.GetStringAsync("api/v1/imports/template?format=csv");

        Assert.StartsWith("ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\r\np-an-hoa,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DryRunFigureBelowTheOneReported_ListsItAsAWarningAndStoresNothing()
    {
        var stored = await Api.PostFigures(new[]
        {
            new { unit = "p-cai-khe", asOf = "2024-06-30", indicator = "dossiers", numerator = 799L, denominator = (long?)null },
            new { unit = "p-cai-khe", asOf = "2024-06-30", indicator = "c", numerator = 80L, denominator = (long?)100 },
        });
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var csv = Header
                  + "p-cai-khe,31/07/2024,dossiers,700,\r\n"
                  + "p-cai-khe,31/07/2024,c,85,90\r\n";

        var response = await Upload(csv, "thang-7.csv", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(Errors(body));
        var warnings = body.GetProperty("warnings").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!))
            .ToList();
        Assert.Equal(
        [
            (2, "tu_so", "Số hồ sơ giải quyết 700 thấp hơn số đã báo ngày 30/06/2024 (799); số liệu lũy kế từ đầu đợt thường không giảm."),
            (3, "mau_so", "Mẫu số 90 thấp hơn số đã báo ngày 30/06/2024 (100); số liệu lũy kế từ đầu đợt thường không giảm."),
        ], warnings);
        Assert.Equal(2, await StoredFigures());
    }

    [Fact]
    public async Task Import_DryRunOfChangedFigures_ListsOldAndNewPerRowAndScoreBeforeAndAfter()
    {
        Assert.Equal(HttpStatusCode.OK, (await Upload(Header + "p-an-hoa,30/06/2024,c,50,100\r\np-an-hoa,30/06/2024,dossiers,2400,\r\n", "thang-6.csv", dryRun: false)).StatusCode);
        var host = Api.Services.GetRequiredService<EngineHost>();
        var before = host.Engine.Current().Find("p-an-hoa")!.Value.Entry.Score;

        var response = await Upload(Header + "p-an-hoa,30/06/2024,c,80,100\r\np-an-hoa,30/06/2024,dossiers,2400,\r\np-cai-khe,30/06/2024,c,7,10\r\n", "thang-6-sua.csv", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var changes = body.GetProperty("changes").EnumerateArray().Select(c => (
            c.GetProperty("row").GetInt32(), c.GetProperty("unit").GetString(), c.GetProperty("unitName").GetString(), c.GetProperty("indicator").GetString(),
            c.GetProperty("oldNumerator").ValueKind == JsonValueKind.Null ? (long?)null : c.GetProperty("oldNumerator").GetInt64(),
            c.GetProperty("oldDenominator").ValueKind == JsonValueKind.Null ? (long?)null : c.GetProperty("oldDenominator").GetInt64(),
            c.GetProperty("newNumerator").GetInt64(), c.GetProperty("newDenominator").GetInt64())).ToList();
        Assert.Equal([(2, "p-an-hoa", "Phường An Hòa", "c", 50L, 100L, 80L, 100L), (4, "p-cai-khe", "Phường Cái Khế", "c", null, null, 7L, 10L)], changes);
        Assert.Equal(2, body.GetProperty("changeCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("alreadyImportedAt").ValueKind);
        var scores = body.GetProperty("scores").EnumerateArray().ToDictionary(s => s.GetProperty("unit").GetString()!);
        Assert.Equal(["p-an-hoa", "p-cai-khe"], scores.Keys);
        Assert.Equal("Phường An Hòa", scores["p-an-hoa"].GetProperty("name").GetString());
        Assert.Equal(before, scores["p-an-hoa"].GetProperty("before").GetDecimal());
        Assert.Equal(2, await StoredFigures());

        // What the preview promised is what storing the file gives.
        Assert.Equal(HttpStatusCode.OK, (await Upload(Header + "p-an-hoa,30/06/2024,c,80,100\r\np-an-hoa,30/06/2024,dossiers,2400,\r\np-cai-khe,30/06/2024,c,7,10\r\n", "thang-6-sua.csv", dryRun: false)).StatusCode);
        Assert.Equal(host.Engine.Current().Find("p-an-hoa")!.Value.Entry.Score, scores["p-an-hoa"].GetProperty("after").GetDecimal());
        Assert.NotEqual(before, scores["p-an-hoa"].GetProperty("after").GetDecimal());
        Assert.Equal(host.Engine.Current().Find("p-cai-khe")?.Entry.Score, scores["p-cai-khe"].GetProperty("after").ValueKind == JsonValueKind.Null ? null : scores["p-cai-khe"].GetProperty("after").GetDecimal());
    }

    [Fact]
    public async Task Import_DryRunOfAFileAlreadyStored_SaysWhenItWasImportedAndListsNoChange()
    {
        var csv = Header + "p-an-hoa,30/06/2024,c,50,100\r\np-an-hoa,30/06/2024,dossiers,2400,\r\n";
        Assert.Equal(HttpStatusCode.OK, (await Upload(csv, "thang-6.csv", dryRun: false)).StatusCode);
        var imported = Assert.Single(await Api.Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.Import)));

        var response = await Upload(csv, "thang-6.csv", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(imported.At, body.GetProperty("alreadyImportedAt").GetDateTimeOffset());
        Assert.Empty(body.GetProperty("changes").EnumerateArray());
        Assert.Equal(0, body.GetProperty("changeCount").GetInt32());
        Assert.Empty(body.GetProperty("scores").EnumerateArray());
    }

    [Fact]
    public async Task Import_DryRunOfAFileImportedIntoAnotherCampaignOnly_NamesThisCampaignsFiguresNotThatImport()
    {
        using (var copied = await Api.Writer.PostAsJsonAsync("api/v1/campaigns/can-tho-2024/copy",
            new { code = "ban-sao-2024", name = "Bản sao", periodStart = "2023-12-15", periodEnd = "2024-12-14" }))
            Assert.Equal(HttpStatusCode.Created, copied.StatusCode);
        using (var activated = await Api.Writer.PostAsync("api/v1/campaigns/ban-sao-2024/activate", null)) activated.EnsureSuccessStatusCode();
        var csv = Header + "p-an-hoa,30/06/2024,c,50,100\r\np-an-hoa,30/06/2024,dossiers,2400,\r\n";
        using (var other = await Upload(Encoding.UTF8.GetBytes(csv), "thang-6.csv", dryRun: false, campaign: "ban-sao-2024"))
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var otherImport = Assert.Single(await Api.Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.Import)));
        // The same figures reach the default campaign another way (the API), later.
        using (var posted = await Api.Writer.PostAsJsonAsync("api/v1/figures", new object[]
        {
            new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "c", numerator = 50, denominator = 100 },
            new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "dossiers", numerator = 2400 },
        }))
            posted.EnsureSuccessStatusCode();
        var received = Assert.Single((await Api.Services.GetRequiredService<FigureRepository>().ReadForUnitAsync("p-an-hoa")).Select(f => f.ReceivedAt).Distinct());

        using var response = await Upload(csv, "thang-6.csv", dryRun: true);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var at = body.GetProperty("alreadyImportedAt").GetDateTimeOffset();
        Assert.NotEqual(otherImport.At, at);
        Assert.Equal(received, at);
    }

    [Fact]
    public async Task Import_DryRunWithThePlansLetterAndUnitNames_ReadsThemAsCodes()
    {
        var response = await Upload(Header + "PHUONG AN HOA,30/06/2024,đ,5,10\r\nPhường  Cái Khế,30/06/2024,Đ,6,10\r\np-an-hoa,30/06/2024,c,1,2\r\n", "ten-don-vi.csv", dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(Errors(body));
        Assert.Equal(2, body.GetProperty("units").GetInt32());
        Assert.Equal(["c", "dd"], body.GetProperty("indicators").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["p-an-hoa", "p-cai-khe", "p-an-hoa"], body.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("unit").GetString()));
    }

    [Fact]
    public async Task Import_WrongContentCode_OneErrorOnThatCellOnly()
    {
        var response = await Upload(Header + "p-an-hoa,30/06/2024,ho-so,2400,\r\n", "sai-ma.csv", dryRun: true);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = Assert.Single(Errors(body));
        Assert.Equal((2, "chi_tieu"), (error.Row, error.Column));
        Assert.StartsWith("Không có chỉ tiêu “ho-so”", error.Message);
    }
}

/// <summary>Every test of <see cref="ImportApiTests"/>, on PostgreSQL.</summary>
public sealed class ImportApiOnPostgresTests(PostgresTestDatabase postgres) : ImportApiTests(postgres), IClassFixture<PostgresTestDatabase>;
