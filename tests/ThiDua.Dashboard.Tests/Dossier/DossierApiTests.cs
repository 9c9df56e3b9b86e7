using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Dossier;

/// <summary>
/// The dossier endpoints through the real app: Phường An Hòa tops "Từ 3.500" with only content c
/// reported (10 of 78 points: 12,82) and is proposed; Phường Cái Khế is ranked but not registered.
/// </summary>
public class DossierApiTests : ApiTest
{
    public DossierApiTests()
    {
    }

    private protected DossierApiTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (await Api.PostFigures(new object[]
        {
            new { unit = "p-an-hoa", asOf = "2024-12-10", indicator = "dossiers", numerator = 4000 },
            new { unit = "p-an-hoa", asOf = "2024-12-10", indicator = "c", numerator = 90, denominator = 100 },
            new { unit = "p-cai-khe", asOf = "2024-12-10", indicator = "dossiers", numerator = 3900 },
            new { unit = "p-cai-khe", asOf = "2024-12-10", indicator = "c", numerator = 40, denominator = 100 },
        })).EnsureSuccessStatusCode();
        (await Api.Writer.PutAsJsonAsync("api/v1/units/p-an-hoa/registration", new { registeredOn = "2024-04-01" })).EnsureSuccessStatusCode();
    }

    private async Task<byte[]> Download(string path, string contentType, string fileName)
    {
        using var response = await Api.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task ToTrinh_Draft_ValidWithHeaderGroundsListAndDraftMark()
    {
        var body = await Download("api/v1/awards/dossier/to-trinh.docx?asOf=2024-12-14", DocxType, "to-trinh.docx");

        Assert.Empty(DossierFiles.WordErrors(body));
        var text = DossierFiles.WordText(body);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", text);
        Assert.Contains("Số: ……/TTr-VPUB", text);
        Assert.Contains("Cần Thơ, ngày …… tháng …… năm ……", text);
        Assert.Contains("TỜ TRÌNH", text);
        Assert.Contains("Kính gửi: Ban Thi đua - Khen thưởng thành phố.", text);
        Assert.Contains("Luật Thi đua, khen thưởng", text);
        Assert.Contains("Nghị định số 98/2023/NĐ-CP", text);
        Assert.Contains("Kế hoạch số 74/KH-UBND", text);
        Assert.Contains("Phường An Hòa", text);
        Assert.Contains("UBND phường", text);
        Assert.Contains("Từ 3.500 hồ sơ giải quyết trở lên", text);
        Assert.Contains("12,82", text);
        Assert.Contains("Số liệu tính đến ngày 14/12/2024, phiên bản dữ liệu", text);
        Assert.Contains("CHÁNH VĂN PHÒNG", text);
        Assert.Contains("DỰ THẢO", text);
        Assert.DoesNotContain("Phường Cái Khế", text);
        Assert.Equal((11906, 16838, 1134, 1134, 1701, 850), DossierFiles.Page(body));
        Assert.Equal("Times New Roman 28", DossierFiles.DefaultFont(body));
    }

    [Fact]
    public async Task BienBan_NoMeetingRecorded_BlanksToFillVoteRowsAndTheSelectedList()
    {
        var body = await Download("api/v1/awards/dossier/bien-ban.docx?asOf=2024-12-14", DocxType, "bien-ban.docx");

        Assert.Empty(DossierFiles.WordErrors(body));
        var text = DossierFiles.WordText(body);
        Assert.Contains("BIÊN BẢN", text);
        Assert.Contains("Thời gian: vào lúc …… giờ ……", text);
        Assert.Contains("Chủ trì: ………………", text);
        Assert.Contains("Thư ký: ………………", text);
        Assert.Contains("Tập thể: Phường An Hòa", text);
        Assert.Contains("Tán thành", text);
        Assert.Contains("12,82", text);
        Assert.Contains("DỰ THẢO", text);
    }

    [Fact]
    public async Task BaoCao_ProposedUnit_Form08HeadingsWithItsOwnFigures()
    {
        var body = await Download("api/v1/awards/dossier/bao-cao/p-an-hoa.docx?asOf=2024-12-14", DocxType, "bao-cao-p-an-hoa.docx");

        Assert.Empty(DossierFiles.WordErrors(body));
        var text = DossierFiles.WordText(body);
        Assert.Contains("ỦY BAN NHÂN DÂN QUẬN NINH KIỀU", text);
        Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA", text);
        Assert.Contains("BÁO CÁO THÀNH TÍCH", text);
        Assert.Contains("Tên tập thể đề nghị khen thưởng: Ủy ban nhân dân phường An Hòa.", text);
        Assert.Contains("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH", text);
        Assert.Contains("II. THÀNH TÍCH ĐẠT ĐƯỢC", text);
        Assert.Contains("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", text);
        Assert.Contains("4.000", text);
        Assert.Contains("90,00% (90/100)", text);
        Assert.Contains("10,00 / 10,00", text);
        Assert.Contains("chưa có số liệu", text);
        Assert.Contains("Tổng điểm: 12,82 điểm", text);
        Assert.Contains("xếp hạng 1/2", text);
        Assert.Contains("Đơn vị có trong đề xuất khen thưởng", text);
        Assert.Contains("[Phần đơn vị tự ghi", text);
        Assert.Contains("THỦ TRƯỞNG ĐƠN VỊ", text);
        Assert.Contains("DỰ THẢO", text);
    }

    [Fact]
    public async Task BaoCao_UnitNotProposed_StillGeneratedAndSaysSo()
    {
        var body = await Download("api/v1/awards/dossier/bao-cao/p-cai-khe.docx?asOf=2024-12-14", DocxType, "bao-cao-p-cai-khe.docx");

        Assert.Empty(DossierFiles.WordErrors(body));
        var text = DossierFiles.WordText(body);
        Assert.Contains("Đơn vị hiện chưa có trong đề xuất khen thưởng", text);
        Assert.Contains("xếp hạng 2/2", text);
    }

    [Fact]
    public async Task BaoCao_UnknownUnit_404ProblemInVietnamese()
    {
        using var response = await Api.Client.GetAsync("api/v1/awards/dossier/bao-cao/khong-co.docx");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Không tìm thấy đơn vị", problem.GetProperty("title").GetString());
        Assert.Equal("Không có đơn vị mã “khong-co”.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Dossier_BadAsOf_400Problem()
    {
        using var response = await Api.Client.GetAsync("api/v1/awards/dossier/to-trinh.docx?asOf=2030-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nằm ngoài đợt thi đua", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DanhSach_Draft_ValidWorkbookWithHeaderListAndNumericScore()
    {
        var body = await Download("api/v1/awards/dossier/danh-sach.xlsx?asOf=2024-12-14", XlsxType, "danh-sach.xlsx");

        Assert.Empty(DossierFiles.SheetErrors(body));
        var text = DossierFiles.SheetText(body);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", text);
        Assert.Contains("Phường An Hòa", text);
        Assert.Contains("12.82", text); // a numeric cell: the viewer shows it in its locale (12,82 in vi-VN)
        Assert.Contains("DỰ THẢO", text);
        Assert.Contains("Số liệu tính đến ngày 14/12/2024, phiên bản dữ liệu", text);
    }

    [Fact]
    public async Task Zip_AllDocumentsAndOneReportPerProposedCollective_EachValid()
    {
        var body = await Download("api/v1/awards/dossier.zip?asOf=2024-12-14", "application/zip", "ho-so-de-nghi-khen-thuong.zip");

        using var archive = new ZipArchive(new MemoryStream(body));
        var names = archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["bao-cao-p-an-hoa.docx", "bien-ban.docx", "danh-sach.xlsx", "to-trinh.docx"], names);
        foreach (var entry in archive.Entries)
        {
            using var stream = new MemoryStream();
            using (var source = entry.Open()) source.CopyTo(stream);
            var errors = entry.FullName.EndsWith(".xlsx", StringComparison.Ordinal) ? DossierFiles.SheetErrors(stream.ToArray()) : DossierFiles.WordErrors(stream.ToArray());
            Assert.Empty(errors);
        }
    }
}

/// <summary>Every test of <see cref="DossierApiTests"/>, on PostgreSQL.</summary>
public sealed class DossierApiOnPostgresTests(PostgresTestDatabase postgres) : DossierApiTests(postgres), IClassFixture<PostgresTestDatabase>;
