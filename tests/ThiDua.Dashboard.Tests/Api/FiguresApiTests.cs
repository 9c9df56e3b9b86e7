using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Api;

public class FiguresApiTests : ApiTest
{
    public FiguresApiTests()
    {
    }

    private protected FiguresApiTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }


    private static object Item(string unit, string indicator, long numerator, long? denominator, string asOf = "2024-06-30") =>
        new { unit, asOf, indicator, numerator, denominator };

    [Fact]
    public async Task PostFigures_GoodBatch_Returns200WithAcceptedAndNextVersion()
    {
        var response = await Api.PostFigures(new[] { Item("p-an-hoa", "c", 82, 100), Item("p-an-hoa", "dossiers", 2400, null) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        Assert.Equal(2, await Api.FigureCount());
    }

    [Fact]
    public async Task PostFigures_EveryBadItem_Returns400ProblemWithItemErrorsAndStoresNothing()
    {
        var response = await Api.PostFigures(new object[]
        {
            Item("p-an-hoa", "c", 82, 100),
            Item("p-khong-co", "c", 1, 2),
            Item("p-an-hoa", "c", 5, 2),
            Item("p-an-hoa", "c", 1, 2, "2025-01-05"),
            new { unit = "p-an-hoa", asOf = "30/06/2024", indicator = "c", numerator = 1, denominator = 2 },
            new { unit = "p-an-hoa", asOf = "2024-06-30", indicator = "c", numerator = "nhiều", denominator = 2 },
            Item("p-an-hoa", "e", 1, 2),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Contains((4, "asOf"), errors);
        Assert.Contains((5, "numerator"), errors);
        Assert.Equal(0, await Api.FigureCount());

        // With the parse errors fixed, the remaining items are checked by the engine's rules.
        var second = await Api.PostFigures(new object[]
        {
            Item("p-an-hoa", "c", 82, 100), Item("p-khong-co", "c", 1, 2), Item("p-an-hoa", "c", 5, 2),
            Item("p-an-hoa", "c", 1, 2, "2025-01-05"), Item("p-an-hoa", "q", 1, 2),
        });
        var semantic = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains((1, "unit", "Không có đơn vị mã “p-khong-co”."), semantic);
        Assert.Contains((2, "numerator", "Tử số (5) lớn hơn mẫu số (2)."), semantic);
        Assert.Contains(semantic, e => e.Item1 == 3 && e.Item2 == "asOf");
        Assert.Contains(semantic, e => e.Item1 == 4 && e.Item2 == "indicator");
        Assert.DoesNotContain(semantic, e => e.Item1 == 0);
        Assert.Equal(0, await Api.FigureCount());
    }

    [Fact]
    public async Task PostFigures_NotJsonOrNotAnArray_Returns400AndStoresNothing()
    {
        var notJson = await Api.Writer.PostAsync("api/v1/figures", new StringContent("{oops", Encoding.UTF8, "application/json"));
        var notArray = await Api.PostFigures(new { unit = "p-an-hoa" });

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notArray.StatusCode);
        Assert.Equal(0, await Api.FigureCount());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sai-khoa")]
    public async Task PostFigures_MissingOrUnknownKey_Returns401AndStoresNothing(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/figures") { Content = JsonContent.Create(new[] { Item("p-an-hoa", "c", 1, 2) }) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);

        var response = await Api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await Api.FigureCount());
    }

    [Fact]
    public async Task PostFigures_BatchOf50000_IsAccepted()
    {
        // 50,000 is ThiDua:Ingest:MaxBatchItems; no two items share (unit, indicator, asOf).
        var items = await Batches.DistinctWardRatesAsync(Api.Client, 50_000);

        var response = await Api.PostFigures(items);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(50_000, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        Assert.Equal(50_000, await Api.FigureCount());
    }

    [Fact]
    public async Task PostFigures_ConcurrentPosters_LoseNothingAndTheVersionCountsEveryBatch()
    {
        // 1,600 requests in seconds with one settings key: a bulk load, exempt from the rate limit as the load harness is.
        await RestartAsync(new Dictionary<string, string?> { ["ThiDua:RateLimit:ExemptConfigKeys"] = "true" });
        var posters = Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            for (var b = 0; b < 200; b++)
            {
                var response = await Api.PostFigures(new[] { Item("p-an-hoa", "c", (p * 200 + b) % 100, 100), Item("x-giai-xuan", "a", b % 50, 50) });
                response.EnsureSuccessStatusCode();
            }
        }));

        await Task.WhenAll(posters);

        Assert.Equal(3200, await Api.FigureCount());
        var boards = await Api.Client.GetFromJsonAsync<JsonElement>("api/v1/leaderboards");
        Assert.Equal(1600, boards.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task PostFigures_BelowTheFigureAlreadyReported_IsStillAccepted()
    {
        await Api.PostFigures(new[] { Item("p-cai-khe", "dossiers", 799, null) });

        var response = await Api.PostFigures(new[] { Item("p-cai-khe", "dossiers", 700, null) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await Api.FigureCount());
    }
}

/// <summary>Every test of <see cref="FiguresApiTests"/>, on PostgreSQL.</summary>
public sealed class FiguresApiOnPostgresTests(PostgresTestDatabase postgres) : FiguresApiTests(postgres), IClassFixture<PostgresTestDatabase>;
