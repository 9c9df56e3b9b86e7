using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ThiDua.Dashboard.Tests.Accounts;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>
/// POST /api/v1/figures at its edges, as a hostile client or an officer with an old spreadsheet would
/// send it: duplicates, bodies that are not a batch, too many items, broken UTF-16, huge strings.
/// </summary>
public sealed class FiguresBatchEdgeTests : FiguresEdgeTest
{
    private const string Item = """{"unit":"p-an-hoa","asOf":"2024-06-30","indicator":"c","numerator":825,"denominator":1000}""";

    [Fact]
    public async Task PostFigures_SameUnitIndicatorAsOfTwice_400AtTheLaterIndexWithNullFieldAndNothingStored()
    {
        // Arrange: items 0 and 2 are the same figure key with different numbers; item 1 differs by its date.
        var batch = new[]
        {
            AccessHost.Rate("p-an-hoa", numerator: 825),
            AccessHost.Rate("p-an-hoa", numerator: 830, asOf: "2024-07-01"),
            AccessHost.Rate("p-an-hoa", numerator: 840),
        };

        // Act
        using var response = await AccessHost.PostFigures(Writer(), batch);

        // Assert
        var error = Assert.Single(await ProblemAssert.Errors(response, HttpStatusCode.BadRequest));
        Assert.Equal(2, error.GetProperty("index").GetInt32());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("field").ValueKind);
        Assert.Equal("Trùng với phần tử 0: cùng đơn vị “p-an-hoa”, chỉ tiêu “c” và ngày số liệu 2024-06-30; mỗi số liệu chỉ được gửi một lần trong một lô.",
            error.GetProperty("message").GetString());
        await AssertNothingStored();
    }

    [Theory]
    [InlineData("[]", "Lô số liệu không có dòng nào.")]
    [InlineData("{oops", "Nội dung yêu cầu không phải JSON hợp lệ.")]
    [InlineData("", "Nội dung yêu cầu không phải JSON hợp lệ.")]
    [InlineData("""{"unit":"p-an-hoa"}""", "Nội dung yêu cầu phải là một mảng JSON các số liệu.")]
    [InlineData("\"p-an-hoa\"", "Nội dung yêu cầu phải là một mảng JSON các số liệu.")]
    public async Task PostFigures_WholeBodyProblem_400WithOneErrorWhoseIndexAndFieldAreNull(string body, string message)
    {
        // Act
        using var response = await PostRaw(body);

        // Assert
        Assert.Equal(message, await ProblemAssert.WholeBody(response, HttpStatusCode.BadRequest));
        await AssertNothingStored();
    }

    [Fact]
    public async Task PostFigures_100000IdenticalRows_400NamingTheDefaultLimitOf50000AndNothingStored()
    {
        // Arrange
        var rows = Enumerable.Repeat(AccessHost.Rate("p-an-hoa"), 100_000).ToArray();

        // Act
        using var response = await AccessHost.PostFigures(Writer(), rows);

        // Assert
        var message = await ProblemAssert.WholeBody(response, HttpStatusCode.BadRequest);
        Assert.Equal("Lô số liệu có 100.000 dòng, nhiều hơn giới hạn 50.000 dòng một lần gửi; hãy chia thành nhiều lô.", message);
        await AssertNothingStored();
    }

    [Fact]
    public async Task PostFigures_MoreItemsThanMaxBatchItems_400NamingTheSettingAndALotAtTheLimitPasses()
    {
        // Arrange
        Start(new Dictionary<string, string?> { ["ThiDua:Ingest:MaxBatchItems"] = "3" });
        var items = await Batches.DistinctWardRatesAsync(Reader(), 4);

        // Act
        using var over = await AccessHost.PostFigures(Writer(), items);
        var message = await ProblemAssert.WholeBody(over, HttpStatusCode.BadRequest);
        await AssertNothingStored();
        using var atLimit = await AccessHost.PostFigures(Writer(), items[..3]);

        // Assert
        Assert.Equal("Lô số liệu có 4 dòng, nhiều hơn giới hạn 3 dòng một lần gửi; hãy chia thành nhiều lô.", message);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(3, await Host.FigureCount());
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("asOf")]
    [InlineData("indicator")]
    public async Task PostFigures_LoneSurrogateInAStringField_400ItemErrorAndNothingStoredAndTheLogKeepsTheDetail(string field)
    {
        // Arrange: the JSON escape \ud800 is half of a UTF-16 pair; no .NET string can be read from it.
        var item = JsonNode(Item);
        item[field] = "@@";
        var body = "[" + item.ToJsonString().Replace("\"@@\"", "\"\\ud800\"", StringComparison.Ordinal) + "]";

        // Act
        using var response = await PostRaw(body);

        // Assert
        var error = Assert.Single(await ProblemAssert.Errors(response, HttpStatusCode.BadRequest));
        Assert.Equal(0, error.GetProperty("index").GetInt32());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal($"Trường {field} chứa ký tự không hợp lệ (nửa cặp thay thế UTF-16 đứng riêng); hãy gửi văn bản Unicode hợp lệ.",
            error.GetProperty("message").GetString());
        await AssertNothingStored();
        Assert.Contains(Host.Log, line => line.Contains($"field {field}", StringComparison.Ordinal) && line.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PutRegistration_LoneSurrogateInRegisteredOn_400AndTheUnitUnchanged()
    {
        // Act
        using var response = await (await AdminAsync()).PutAsync("api/v1/units/p-an-hoa/registration",
            new StringContent("""{"registeredOn":"\ud800"}""", Encoding.UTF8, "application/json"));

        // Assert
        var error = Assert.Single(await ProblemAssert.Errors(response, HttpStatusCode.BadRequest));
        Assert.Equal("registeredOn", error.GetProperty("field").GetString());
        Assert.Equal("Trường registeredOn chứa ký tự không hợp lệ (nửa cặp thay thế UTF-16 đứng riêng); hãy gửi văn bản Unicode hợp lệ.",
            error.GetProperty("message").GetString());
        var unit = (await Reader().GetFromJsonAsync<JsonElement>("api/v1/units")).EnumerateArray().Single(u => u.GetProperty("code").GetString() == "p-an-hoa");
        Assert.Equal(JsonValueKind.Null, unit.GetProperty("registeredOn").ValueKind);
        await AssertNothingStored();
        Assert.Contains(Host.Log, line => line.Contains("field registeredOn", StringComparison.Ordinal) && line.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("asOf")]
    [InlineData("indicator")]
    public async Task PostFigures_200000CharacterValue_TheErrorEchoesAt100Characters(string field)
    {
        // Arrange
        var item = JsonNode(Item);
        item[field] = new string('x', 200_000);

        // Act
        using var response = await PostRaw("[" + item.ToJsonString() + "]");
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        var error = Assert.Single(await ProblemAssert.Errors(response, HttpStatusCode.BadRequest), e => e.GetProperty("field").GetString() == field);
        Assert.Contains(new string('x', 100) + "…", error.GetProperty("message").GetString());
        Assert.DoesNotContain(new string('x', 101), text);
        await AssertNothingStored();
    }

    [Fact]
    public async Task PutRegistration_5000CharacterUnitCode_404EchoesAt100Characters()
    {
        // Act: 5,000 characters still fit Kestrel's request line.
        using var response = await (await AdminAsync()).PutAsJsonAsync("api/v1/units/" + new string('x', 5_000) + "/registration", new { registeredOn = "2024-03-01" });
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(new string('x', 100) + "…", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain(new string('x', 101), text);
    }

    [Fact]
    public async Task GetLeaderboards_5000CharacterAsOf_400EchoesAt100Characters()
    {
        // Act
        using var response = await Reader().GetAsync("api/v1/leaderboards?asOf=" + new string('x', 5_000));
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(new string('x', 100) + "…", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain(new string('x', 101), text);
    }

    [Fact]
    public async Task PostImport_FileNameOf300CharactersNotCsvOrXlsx_400EchoesAt100Characters()
    {
        // Arrange
        using var form = new MultipartFormDataContent { { new ByteArrayContent("unit\n"u8.ToArray()), "file", new string('x', 300) + ".pdf" } };

        // Act
        using var response = await Writer().PostAsync("api/v1/imports?dryRun=true", form);
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(new string('x', 100) + "…", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain(new string('x', 101), text);
    }

    private static System.Text.Json.Nodes.JsonObject JsonNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
}
