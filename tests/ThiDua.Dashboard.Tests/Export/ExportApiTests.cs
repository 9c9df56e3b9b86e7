using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;
using ThiDua.Dashboard.Export;
using ThiDua.Dashboard.Tests.Api;

namespace ThiDua.Dashboard.Tests.Export;

/// <summary>The export endpoints through the real app: posted figures come back as workbooks and CSV files.</summary>
public sealed class ExportApiTests : IAsyncLifetime
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly string _file = ApiHost.NewDatabaseFile();
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = new ApiHost(_file);
        // 20/06: Cái Khế leads An Hòa in "Từ 3.500". 30/06 (compared with 23/06): An Hòa rises to 1,
        // An Bình arrives at 2 (new to the board), Cái Khế drops from 1 to 3.
        (await _api.PostFigures(new object[]
        {
            new { unit = "p-an-hoa", asOf = "2024-06-20", indicator = "c", numerator = 40, denominator = 100 },
            new { unit = "p-an-hoa", asOf = "2024-06-20", indicator = "dossiers", numerator = 4000 },
            new { unit = "p-cai-khe", asOf = "2024-06-20", indicator = "c", numerator = 90, denominator = 100 },
            new { unit = "p-cai-khe", asOf = "2024-06-20", indicator = "dossiers", numerator = 3900 },
        })).EnsureSuccessStatusCode();
        (await _api.PostFigures(new object[]
        {
            new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "c", numerator = 90, denominator = 100 },
            new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "a", numerator = 0, denominator = 0 },
            new { unit = "p-cai-khe", asOf = "2024-06-30", indicator = "c", numerator = 40, denominator = 100 },
            new { unit = "p-an-binh", asOf = "2024-06-30", indicator = "c", numerator = 60, denominator = 100 },
            new { unit = "p-an-binh", asOf = "2024-06-30", indicator = "dossiers", numerator = 3600 },
        })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        ApiHost.DeleteDatabase(_file);
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> Download(string path)
    {
        var response = await _api.Client.GetAsync(path);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static List<IDictionary<string, object?>> Rows(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return [.. stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

    private static List<string> Headers(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return [.. stream.GetColumns(useHeaderRow: true, sheetName: sheet)!.Cast<string>()];
    }

    [Fact]
    public async Task LeaderboardsXlsx_InfoSheetThenOneSheetPerBlock_WithNumericCellsAndMovement()
    {
        var (response, body) = await Download("api/v1/leaderboards/export?format=xlsx&asOf=2024-06-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("bang-xep-hang-2024-06-30.xlsx", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));

        using (var stream = new MemoryStream(body))
            Assert.Equal(["Thông tin", "Cơ quan chuyên môn thuộc UBND", "UBND quận, huyện", "UBND phường", "UBND xã, thị trấn"],
                stream.GetSheetNames());

        var info = Rows(body, "Thông tin").ToDictionary(r => (string)r["Mục"]!, r => r["Giá trị"]);
        Assert.StartsWith("Thực hiện công tác kiểm soát thủ tục hành chính", (string)info["Đợt thi đua"]!);
        Assert.Equal("30/06/2024", info["Ngày số liệu"]);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} \(UTC\+07:00, Asia/Ho_Chi_Minh\)$", (string)info["Thời điểm xuất"]!);
        Assert.Equal(2d, Assert.IsType<double>(info["Phiên bản dữ liệu"]));
        // The plan names the contents only: the sheet says the scale is the campaign's and shows it.
        Assert.StartsWith("Kế hoạch chỉ nêu 9 nội dung thi đua, không quy định thang điểm", (string)info["Thang điểm"]!);
        Assert.Equal("Việc cung cấp dịch vụ công trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia (tối đa 12 điểm, đạt tối đa khi tỷ lệ từ 50%)",
            info["Nội dung a"]);
        Assert.Equal("Công bố, công khai thủ tục hành chính đúng hạn (tối đa 10 điểm, đạt tối đa khi tỷ lệ từ 100%)", info["Nội dung e"]);

        Assert.Equal(["Nhóm", "Hạng", "Mã đơn vị", "Đơn vị", "Điểm", "Số hồ sơ", "Biến động", "a", "b", "c", "d", "đ", "e", "g", "h", "i"],
            Headers(body, "UBND phường"));
        var wards = Rows(body, "UBND phường");
        // Groups in campaign order, then the not-grouped board (every other ward).
        Assert.Equal(["p-an-hoa", "p-an-binh", "p-cai-khe"], wards.Take(3).Select(r => (string)r["Mã đơn vị"]!));
        Assert.All(wards.Take(3), r => Assert.Equal("Từ 3.500 hồ sơ giải quyết trở lên", r["Nhóm"]));
        Assert.All(wards.Skip(3), r => Assert.Equal("Chưa xếp nhóm", r["Nhóm"]));
        Assert.Equal(wards.Count, wards.Select(r => (string)r["Mã đơn vị"]!).Distinct().Count());

        var (anHoa, anBinh, caiKhe) = (wards[0], wards[1], wards[2]);
        Assert.Equal("Phường An Hòa", anHoa["Đơn vị"]);
        Assert.Equal(1d, Assert.IsType<double>(anHoa["Hạng"]));
        Assert.Equal(4000d, Assert.IsType<double>(anHoa["Số hồ sơ"]));
        Assert.Equal(Math.Round(100d * 10 / 66, 2), Assert.IsType<double>(anHoa["Điểm"]));  // a is left out: nothing arose
        Assert.Equal(1d, Assert.IsType<double>(anHoa["Biến động"]));
        Assert.Null(anBinh["Biến động"]);                                                   // new to the board
        Assert.Equal(-2d, Assert.IsType<double>(caiKhe["Biến động"]));
        Assert.Equal(10d, Assert.IsType<double>(anHoa["c"]));
        Assert.Equal(5d, Assert.IsType<double>(caiKhe["c"]));
        Assert.Equal(0d, Assert.IsType<double>(caiKhe["a"]));                               // no data: 0 of 12
        Assert.Null(anHoa["a"]);                                                            // nothing arose, left out
        Assert.Equal(0d, Assert.IsType<double>(anHoa["e"]));                               // no data: 0 of 10 (e applies to wards)
        Assert.All(Rows(body, "Cơ quan chuyên môn thuộc UBND"), r => Assert.IsType<double>(r["Hạng"]));
    }

    [Fact]
    public async Task LeaderboardsCsv_Utf8BomIsoNameAndOneRowPerEntry()
    {
        var (response, body) = await Download("api/v1/leaderboards/export?format=csv&asOf=2024-06-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("bang-xep-hang-2024-06-30.csv", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal(Encoding.UTF8.GetPreamble(), body[..3]);

        var lines = Encoding.UTF8.GetString(body[3..]).Split("\r\n");
        Assert.Equal("Khối,Nhóm,Hạng,Mã đơn vị,Đơn vị,Điểm,Số hồ sơ,Biến động,a,b,c,d,đ,e,g,h,i", lines[0]);
        Assert.Equal("", lines[^1]);
        var boards = await _api.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("api/v1/leaderboards?asOf=2024-06-30");
        Assert.Equal(boards.GetProperty("boards").EnumerateArray().Sum(b => b.GetProperty("entries").GetArrayLength()), lines.Length - 2);

        var anHoa = lines.Single(l => l.Contains(",p-an-hoa,", StringComparison.Ordinal));
        var expectedScore = Math.Round(1000m / 66, 2).ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"UBND phường,Từ 3.500 hồ sơ giải quyết trở lên,1,p-an-hoa,Phường An Hòa,{expectedScore},4000,1,,0.00,10.00,0.00,0.00,0.00,0.00,0.00,0.00", anHoa);
        Assert.EndsWith(",3600,,0.00,0.00,7.50,0.00,0.00,0.00,0.00,0.00,0.00", lines.Single(l => l.Contains(",p-an-binh,", StringComparison.Ordinal)));
        Assert.Contains(",p-cai-khe,Phường Cái Khế,", lines.Single(l => l.Contains(",3900,-2,", StringComparison.Ordinal)));
        // A block name with a comma is quoted (RFC 4180).
        Assert.StartsWith("\"UBND quận, huyện\",Toàn khối,", lines.First(l => l.Contains("UBND quận", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AwardsExports_OneRowPerProposedOrPassedOverUnit()
    {
        (await _api.Writer.PutAsJsonAsync("api/v1/units/p-cai-khe/registration", new { registeredOn = "2024-04-10" })).EnsureSuccessStatusCode();

        var (xlsxResponse, xlsx) = await Download("api/v1/awards/export?format=xlsx&asOf=2024-06-30");
        var (csvResponse, csv) = await Download("api/v1/awards/export?format=csv&asOf=2024-06-30");

        Assert.Equal(XlsxType, xlsxResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal("de-xuat-khen-thuong-2024-06-30.xlsx", xlsxResponse.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal("de-xuat-khen-thuong-2024-06-30.csv", csvResponse.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using (var stream = new MemoryStream(xlsx))
            Assert.Equal(["Thông tin", "Đề xuất khen thưởng"], stream.GetSheetNames());
        Assert.Equal("30/06/2024", Rows(xlsx, "Thông tin").Single(r => (string)r["Mục"]! == "Ngày số liệu")["Giá trị"]);
        Assert.Equal(["Khối", "Nhóm", "Loại", "Hạng", "Mã đơn vị", "Đơn vị", "Điểm", "Đồng hạng", "Đề xuất", "Lý do"], Headers(xlsx, "Đề xuất khen thưởng"));

        var rows = Rows(xlsx, "Đề xuất khen thưởng");
        // "Toàn khối" of the districts is unbounded: every district stands there, none registered.
        Assert.All(rows.Where(r => (string)r["Khối"]! != "UBND phường"), r => Assert.Equal(("UBND quận, huyện", "Không đủ điều kiện"), ((string)r["Khối"]!, (string)r["Đề xuất"]!)));
        var wards = rows.Where(r => (string)r["Khối"]! == "UBND phường").ToList();
        Assert.Equal(["p-an-hoa", "p-an-binh", "p-cai-khe"], wards.Select(r => (string)r["Mã đơn vị"]!));
        Assert.All(wards, r => Assert.Equal(("Từ 3.500 hồ sơ giải quyết trở lên", "Theo hạng", "Không"), ((string)r["Nhóm"]!, (string)r["Loại"]!, (string)r["Đồng hạng"]!)));
        Assert.Equal([1d, 2d, 3d], wards.Select(r => Assert.IsType<double>(r["Hạng"])));
        Assert.IsType<double>(wards[2]["Điểm"]);
        Assert.Equal(["Không đủ điều kiện", "Không đủ điều kiện", "Đề xuất"], wards.Select(r => (string)r["Đề xuất"]!));
        Assert.Equal("Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024.", wards[0]["Lý do"]);
        // Proposed, but the City Office has not yet assessed it against Nghị quyết 02/NQ-CP: flagged.
        Assert.Equal("Chưa đánh giá tiêu chuẩn Nghị quyết 02.", wards[2]["Lý do"]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.Equal("Khối,Nhóm,Loại,Hạng,Mã đơn vị,Đơn vị,Điểm,Đồng hạng,Đề xuất,Lý do", lines[0]);
        Assert.Equal(rows.Count + 2, lines.Length); // header, the rows, the final line end
        var anHoa = lines.Single(l => l.Contains(",p-an-hoa,", StringComparison.Ordinal));
        Assert.StartsWith("UBND phường,Từ 3.500 hồ sơ giải quyết trở lên,Theo hạng,1,p-an-hoa,Phường An Hòa,", anHoa);
        Assert.EndsWith(",Không,Không đủ điều kiện,Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024.", anHoa);
        Assert.Matches(@"^UBND phường,Từ 3\.500 hồ sơ giải quyết trở lên,Theo hạng,3,p-cai-khe,Phường Cái Khế,\d+\.\d{2},Không,Đề xuất,Chưa đánh giá tiêu chuẩn Nghị quyết 02\.$",
            lines.Single(l => l.Contains(",p-cai-khe,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("api/v1/leaderboards/export?format=pdf")]
    [InlineData("api/v1/awards/export?format=pdf&asOf=2024-06-30")]
    [InlineData("api/v1/leaderboards/export?format=csv&asOf=2025-01-01")]
    [InlineData("api/v1/awards/export?format=xlsx&asOf=2023-12-14")]
    [InlineData("api/v1/leaderboards/export?asOf=30-06-2024")]
    public async Task Export_BadFormatOrAsOf_Is400ProblemWithVietnameseTitle(string path)
    {
        var response = await _api.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var title = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString();
        Assert.True(title is "Định dạng tệp xuất không được hỗ trợ" or "Ngày số liệu không hợp lệ", title);
    }

    [Fact]
    public async Task Export_WithoutFormat_IsAWorkbookForTheDefaultDate()
    {
        var response = await _api.Client.GetAsync("api/v1/leaderboards/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^bang-xep-hang-\d{4}-\d{2}-\d{2}\.xlsx$", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
    }
}
