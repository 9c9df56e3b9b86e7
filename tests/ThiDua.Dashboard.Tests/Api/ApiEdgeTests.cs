using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>
/// The edges of the API, the same in Development and in Production: a malformed query parameter is a 400
/// naming it, and every error under /api (unknown path, wrong method, wrong content type) is problem+json.
/// </summary>
public abstract class ApiEdgeTests(ApiAppFixture app)
{
    private ApiHost Api => app.Api;

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain(" at ThiDua", body);
        return problem;
    }

    private static async Task AssertNamesParameterAsync(HttpResponseMessage response, string parameter, string title)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("api/v1/leaderboards?asOf=2024-13-01", "asOf", "Ngày số liệu không hợp lệ")]
    [InlineData("api/v1/leaderboards?asOf=2020-01-01", "asOf", "Ngày số liệu không hợp lệ")]
    [InlineData("api/v1/leaderboards?asOf=2024-06-01&asOf=2024-06-02", "asOf", "Ngày số liệu không hợp lệ")]
    [InlineData("api/v1/units/p-an-hoa/score?asOf=hom-nay", "asOf", "Ngày số liệu không hợp lệ")]
    [InlineData("api/v1/awards?asOf=30/06/2024", "asOf", "Ngày số liệu không hợp lệ")]
    [InlineData("api/v1/leaderboards/export?format=pdf", "format", "Định dạng tệp xuất không được hỗ trợ")]
    [InlineData("api/v1/awards/export?format=xlsx&asOf=2024-6-30", "asOf", "Ngày số liệu không hợp lệ")]
    [InlineData("api/v1/imports/template?format=docx", "format", "Định dạng mẫu không được hỗ trợ")]
    public async Task ReadingEndpoint_MalformedQueryParameter_Returns400NamingIt(string path, string parameter, string title)
    {
        // Act
        using var response = await Api.Client.GetAsync(path);

        // Assert
        await AssertNamesParameterAsync(response, parameter, title);
    }

    [Theory]
    [InlineData("limit=99999999999", "limit", "Tham số limit không hợp lệ")]
    [InlineData("limit=abc", "limit", "Tham số limit không hợp lệ")]
    [InlineData("limit=0", "limit", "Tham số limit không hợp lệ")]
    [InlineData("limit=-5", "limit", "Tham số limit không hợp lệ")]
    [InlineData("from=2024-13-01", "from", "Tham số ngày không hợp lệ")]
    [InlineData("to=hom-qua", "to", "Tham số ngày không hợp lệ")]
    [InlineData("from=2024-06-02&to=2024-06-01", "from", "Tham số ngày không hợp lệ")]
    public async Task Audit_MalformedQueryParameter_Returns400NamingIt(string query, string parameter, string title)
    {
        // Act
        using var response = await app.Admin.GetAsync("api/v1/audit?" + query);

        // Assert
        await AssertNamesParameterAsync(response, parameter, title);
    }

    [Fact]
    public async Task Audit_HugeLimitWithoutKey_Returns401ProblemNot500()
    {
        // Act
        using var response = await Api.Client.GetAsync("api/v1/audit?limit=99999999999");

        // Assert
        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Audit_LimitAtBound_Returns200()
    {
        // Act
        using var response = await app.Admin.GetAsync("api/v1/audit?limit=10000&from=2020-01-01&to=2030-12-31");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Import_MalformedDryRun_Returns400NamingItAndStoresNothing()
    {
        // Arrange
        using var form = new MultipartFormDataContent { { new StringContent("ma_don_vi,ngay_so_lieu,chi_tieu,tu_so,mau_so\r\n"), "file", "a.csv" } };

        // Act
        using var response = await Api.Writer.PostAsync("api/v1/imports?dryRun=co", form);

        // Assert
        await AssertNamesParameterAsync(response, "dryRun", "Tham số dryRun không hợp lệ");
        Assert.Equal(0, await Api.FigureCount());
    }

    [Theory]
    [InlineData("api/v1/khong-co")]
    [InlineData("api/v2/units")]
    [InlineData("api")]
    [InlineData("api/v1/units/p-an-hoa/khong-co")]
    public async Task UnknownApiPath_Get_Returns404Problem(string path)
    {
        // Arrange: a browser's Accept header must not bring back the HTML page.
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        // Act
        using var response = await Api.Client.SendAsync(request);

        // Assert
        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy địa chỉ", problem.GetProperty("title").GetString());
        Assert.Contains("/" + path, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownApiPath_3000Characters_404EchoesAt100Characters()
    {
        // Arrange: the path is what the client sent; the answer may quote only its first 100 characters.
        var path = "api/v1/" + new string('x', 3_000);

        // Act
        using var response = await Api.Client.GetAsync(path);

        // Assert
        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("/api/v1/" + new string('x', 92) + "…", detail);
        Assert.DoesNotContain(new string('x', 93), detail);
    }

    [Theory]
    [InlineData("DELETE", "api/v1/figures", "POST")]
    [InlineData("POST", "api/v1/units", "GET")]
    [InlineData("PUT", "api/v1/leaderboards", "GET")]
    [InlineData("GET", "api/v1/units/p-an-hoa/registration", "PUT")]
    public async Task ApiPath_WrongMethod_Returns405ProblemWithAllow(string method, string path, string allowed)
    {
        // Arrange
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        // Act
        using var response = await Api.Writer.SendAsync(request);

        // Assert
        var problem = await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("Phương thức không được hỗ trợ", problem.GetProperty("title").GetString());
        Assert.Contains(allowed, response.Content.Headers.Allow);
        Assert.Contains(method, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("POST", "api/v1/figures", "text/plain")]
    [InlineData("POST", "api/v1/figures", "application/x-www-form-urlencoded")]
    [InlineData("PUT", "api/v1/units/p-an-hoa/registration", "text/plain")]
    [InlineData("POST", "api/v1/imports", "application/json")]
    public async Task JsonOrFormEndpoint_WrongContentType_Returns415ProblemAndStoresNothing(string method, string path, string contentType)
    {
        // Arrange
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("""{"registeredOn":"2024-03-01"}""", Encoding.UTF8, contentType),
        };

        // Act
        using var response = await Api.Writer.SendAsync(request);

        // Assert
        var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Kiểu nội dung không được hỗ trợ", problem.GetProperty("title").GetString());
        Assert.Contains(contentType, problem.GetProperty("detail").GetString());
        Assert.Equal(0, await Api.FigureCount());
        using var units = await Api.Client.GetAsync("api/v1/units");
        var anHoa = JsonDocument.Parse(await units.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "p-an-hoa");
        Assert.Equal(JsonValueKind.Null, anHoa.GetProperty("registeredOn").ValueKind);
    }

    [Fact]
    public async Task ApiProblem_Always_CarriesTraceId()
    {
        // Act
        using var response = await Api.Client.GetAsync("api/v1/khong-co");

        // Assert
        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task Page_UnknownAddress_StillAnswersHtmlNotFoundPage()
    {
        // Act
        using var response = await Api.Client.GetAsync("khong-co-trang-nay");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Không tìm thấy trang", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}

public sealed class ApiEdgeTestsInDevelopment(DevelopmentApp app) : ApiEdgeTests(app), IClassFixture<DevelopmentApp>;

public sealed class ApiEdgeTestsInProduction(ProductionApp app) : ApiEdgeTests(app), IClassFixture<ProductionApp>;
