using System.Text.Json;

namespace ThiDua.Dashboard.Tests.Api;

/// <summary>
/// /openapi/v1.json describes the API completely, on the points a standard linter (Redocly's recommended
/// rules) checks: security schemes, operation ids, 4xx/5xx answers, request bodies, no trailing slash.
/// </summary>
public sealed class OpenApiDocumentTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await app.Api.Client.GetStringAsync("openapi/v1.json")).RootElement.Clone();

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path =>
            path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(o => (path.Name, o.Name, o.Value)));

    private static IReadOnlyList<IReadOnlyList<string>> Security(JsonElement document, JsonElement operation) =>
        [.. (operation.TryGetProperty("security", out var own) ? own : document.GetProperty("security")).EnumerateArray()
            .Select(requirement => (IReadOnlyList<string>)[.. requirement.EnumerateObject().Select(s => s.Name)])];

    [Fact]
    public async Task OpenApi_Components_DeclareXApiKeyAsApiKeyScheme()
    {
        // Act
        var document = await DocumentAsync();

        // Assert
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task OpenApi_WritingOperations_RequireTheKey_ReadingOnesAcceptIt()
    {
        // Act
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        // Assert
        Assert.Equal(41, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            var security = Security(document, operation);
            Assert.NotEmpty(security);
            if (method != "get") Assert.Equal([["ApiKey"]], security);
            else if (path.StartsWith("/api/v1/audit", StringComparison.Ordinal) || path.StartsWith("/api/v1/registrations", StringComparison.Ordinal))
                Assert.DoesNotContain(security, r => r.Count == 0);
            else Assert.Contains(security, r => r.Count == 0);
        }
        Assert.Equal(["POST /api/v1/awards/proposal/transitions", "POST /api/v1/campaigns", "POST /api/v1/campaigns/{code}/activate",
                "POST /api/v1/campaigns/{code}/close", "POST /api/v1/campaigns/{code}/copy", "POST /api/v1/campaigns/{code}/default", "POST /api/v1/figures", "POST /api/v1/imports", "POST /api/v1/registrations/{id}/accept", "POST /api/v1/registrations/{id}/return",
                "POST /api/v1/units/{code}/registrations", "PUT /api/v1/awards/meeting", "PUT /api/v1/campaign/city-rating", "PUT /api/v1/campaigns/{code}/rules", "PUT /api/v1/campaigns/{code}/units", "PUT /api/v1/units/{code}/registration", "PUT /api/v1/units/{code}/standard"],
            operations.Where(o => o.Method != "get").Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenApi_EveryOperation_HasUniqueOperationIdAndErrorAnswers()
    {
        // Act
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        // Assert
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var (path, _, operation) in operations.Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var codes = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.True(codes.Contains("401") && codes.Contains("500"), $"{path}: {string.Join(",", codes)}");
            Assert.Equal("application/problem+json", operation.GetProperty("responses").GetProperty("500").GetProperty("content").EnumerateObject().Single().Name);
        }
        var health = document.GetProperty("paths").GetProperty("/healthz").GetProperty("get").GetProperty("responses");
        Assert.True(health.TryGetProperty("503", out _), "/healthz lists no 503");
    }

    [Fact]
    public async Task OpenApi_Import_ListsDryRunAndMultipartFilePart()
    {
        // Act
        var import = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/imports").GetProperty("post");

        // Assert
        var dryRun = import.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "dryRun");
        Assert.Equal("query", dryRun.GetProperty("in").GetString());
        Assert.Equal("boolean", dryRun.GetProperty("schema").GetProperty("type").GetString());
        var form = import.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        var document = await DocumentAsync();
        var file = Resolve(document, Resolve(document, form).GetProperty("properties").GetProperty("file"));
        Assert.Equal("binary", file.GetProperty("format").GetString());
    }

    [Fact]
    public async Task OpenApi_PutRegistration_HasJsonRequestBody()
    {
        // Act
        var document = await DocumentAsync();
        var put = document.GetProperty("paths").GetProperty("/api/v1/units/{code}/registration").GetProperty("put");

        // Assert
        var schema = Resolve(document, put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.True(schema.GetProperty("properties").TryGetProperty("registeredOn", out _));
    }

    [Theory]
    [InlineData("/api/v1/units/{code}/registrations", "documentNumber")]
    [InlineData("/api/v1/registrations/{id}/accept", "reason")]
    [InlineData("/api/v1/registrations/{id}/return", "reason")]
    public async Task OpenApi_RegistrationWrites_HaveJsonRequestBodyAndTheirAnswers(string path, string field)
    {
        // Act
        var document = await DocumentAsync();
        var post = document.GetProperty("paths").GetProperty(path).GetProperty("post");

        // Assert
        var schema = Resolve(document, post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.True(schema.GetProperty("properties").TryGetProperty(field, out _));
        var codes = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "400", "401", "403", "404", "500" }, codes);
        Assert.Contains(path.EndsWith("/registrations", StringComparison.Ordinal) ? "201" : "409", codes);
    }

    [Fact]
    public async Task OpenApi_ListRegistrations_StatusIsAnEnum()
    {
        // Act
        var get = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/registrations").GetProperty("get");

        // Assert
        var status = get.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "status");
        Assert.Equal(["submitted", "accepted", "returned"], status.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task OpenApi_Servers_HaveNoTrailingSlash()
    {
        // Act
        var servers = (await DocumentAsync()).GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()!).ToList();

        // Assert
        Assert.NotEmpty(servers);
        Assert.All(servers, url => Assert.False(url.EndsWith('/'), url));
    }

    [Fact]
    public async Task OpenApi_DateParameters_AreDates()
    {
        // Act
        var document = await DocumentAsync();

        // Assert
        var dates = Operations(document).SelectMany(o => o.Operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(p => p.GetProperty("name").GetString() is "asOf" or "from" or "to").ToList();
        Assert.Equal(13, dates.Count);
        Assert.All(dates, p => Assert.Equal("date", p.GetProperty("schema").GetProperty("format").GetString()));
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference)) return schema;
        var name = reference.GetString()!.Split('/')[^1];
        return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }
}
