using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// What the City Office records beside the figures: each unit's assessment against Nghị quyết
/// 02/NQ-CP (the plan's standard a) and the city's Bộ chỉ số 766 classification (the tham mưu
/// slot's condition). Both audited in the write's own transaction.
/// </summary>
public static class StandardsEndpoints
{
    /// <summary>The limits the tables' CHECK constraints hold (units.nq02_note, city_ratings.source).</summary>
    public const int MaxNoteLength = 1000;
    public const int MaxSourceLength = 500;
    private const string Invalid = "Dữ liệu gửi lên không hợp lệ";

    public static RouteGroupBuilder MapStandardsApi(this RouteGroupBuilder api)
    {
        api.MapPut("/units/{code}/standard", PutStandard)
            .WithName("putUnitStandard")
            .WithSummary("Ghi nhận đánh giá tiêu chí Nghị quyết 02/NQ-CP của đơn vị (đạt, không đạt, chưa đánh giá)")
            .Accepts<StandardInput>("application/json")
            .Produces<UnitDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AsWrite();

        api.MapPut("/campaign/city-rating", PutCityRating)
            .WithName("putCityRating")
            .WithSummary("Ghi nhận xếp loại Bộ chỉ số 766 của thành phố (điều kiện của suất khen tham mưu)")
            .Accepts<CityRatingInput>("application/json")
            .Produces<CampaignDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AsWrite();
        return api;
    }

    private static async Task<IResult> PutStandard(string code, HttpContext context, ApiKeys keys, EngineHost host, FigureIngestion ingestion, CancellationToken ct)
    {
        var (writer, refused) = await ApiAccess.RequireAsync(context, keys, user => user.MayNominate,
            "Chỉ quản trị viên, Văn phòng UBND thành phố (tài khoản xét chọn) hoặc khóa API quản trị được ghi đánh giá tiêu chí Nghị quyết 02/NQ-CP.");
        if (refused is not null) return refused;
        if (host.Engine.Unit(code) is null) return Problems.UnitNotFound(code);

        var body = await ApiEndpoints.ReadJson(context.Request, ct);
        if (body is not { ValueKind: JsonValueKind.Object } json)
            return Problems.BadRequest(Invalid, "Gửi { \"nq02\": \"met\" | \"notMet\" | null, \"note\": chuỗi | null }.");
        var errors = new List<ItemError>();
        errors.AddRange(UnknownFields(json, "nq02", "note"));
        Nq02Assessment? assessment = null;
        if (!json.TryGetProperty("nq02", out var nq02))
            errors.Add(new ItemError(0, "nq02", "Thiếu trường nq02: \"met\" (đạt), \"notMet\" (không đạt) hoặc null (chưa đánh giá)."));
        else if (nq02.ValueKind != JsonValueKind.Null)
        {
            if (nq02.ValueKind == JsonValueKind.String && Nq02Text.TryParse(nq02.GetString(), out var parsed)) assessment = parsed;
            else errors.Add(new ItemError(0, "nq02", "nq02 phải là \"met\" (đạt), \"notMet\" (không đạt) hoặc null (chưa đánh giá)."));
        }
        var note = Text(json, "note", MaxNoteLength, errors);
        if (errors.Count > 0) return Problems.BadRequest(Invalid, errors);

        var unit = await ingestion.SetNq02Async(code, assessment, note, "api", writer!, ct);
        return unit is null ? Problems.UnitNotFound(code) : TypedResults.Ok(UnitDto.From(unit));
    }

    private static async Task<IResult> PutCityRating(HttpContext context, ApiKeys keys, AwardBook awards, EngineHost host,
        Configuration.CampaignWarnings warnings, CancellationToken ct)
    {
        var (writer, refused) = await ApiAccess.RequireAsync(context, keys, user => user.IsAdmin,
            "Chỉ quản trị viên (đăng nhập, hoặc khóa API quản trị) được ghi xếp loại Bộ chỉ số 766 của thành phố.");
        if (refused is not null) return refused;

        var body = await ApiEndpoints.ReadJson(context.Request, ct);
        if (body is not { ValueKind: JsonValueKind.Object } json)
            return Problems.BadRequest(Invalid, "Gửi { \"rating\": \"xuatSac\" | \"tot\" | \"kha\" | \"trungBinh\" | \"yeu\" | null, \"source\": chuỗi | null }.");
        var errors = new List<ItemError>();
        errors.AddRange(UnknownFields(json, "rating", "source"));
        CityRating? rating = null;
        var accepted = string.Join(", ", CityRatingText.All.Select(r => $"\"{r}\""));
        if (!json.TryGetProperty("rating", out var value))
            errors.Add(new ItemError(0, "rating", $"Thiếu trường rating: một trong {accepted}, hoặc null (chưa ghi nhận)."));
        else if (value.ValueKind != JsonValueKind.Null)
        {
            if (value.ValueKind == JsonValueKind.String && CityRatingText.TryParse(value.GetString()!, out var parsed)) rating = parsed;
            else errors.Add(new ItemError(0, "rating", $"rating phải là một trong {accepted}, hoặc null (chưa ghi nhận)."));
        }
        var source = Text(json, "source", MaxSourceLength, errors);
        if (errors.Count > 0) return Problems.BadRequest(Invalid, errors);

        var recorded = await awards.SetCityRatingAsync(rating, source, writer!.Name, writer.Address, ct);
        return recorded is { Done: true, Value: { } record }
            ? TypedResults.Ok(CampaignApi.Describe(host.Rules, warnings, record))
            : Problems.WholeBody(StatusCodes.Status500InternalServerError, "Không lưu được thay đổi", recorded.Problem!);
    }

    /// <summary>An optional text field: absent or null is null; anything but a string of at most <paramref name="max"/> characters is an error.</summary>
    private static string? Text(JsonElement json, string field, int max, List<ItemError> errors)
    {
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ItemError(0, field, $"{field} phải là chuỗi hoặc null."));
            return null;
        }
        var text = value.GetString()!;
        if (text.Trim().Length > max) errors.Add(new ItemError(0, field, $"{field} dài quá {Vi.Count(max)} ký tự."));
        return text;
    }

    internal static IEnumerable<ItemError> UnknownFields(JsonElement json, params string[] known) =>
        json.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => new ItemError(0, p.Name, $"Trường “{p.Name}” không được hỗ trợ; chỉ nhận {string.Join(" và ", known)}."));
}

/// <summary>The body of PUT /units/{code}/standard, for the API description (the endpoint reads it field by field).</summary>
public sealed record StandardInput(string? Nq02, string? Note);

/// <summary>The body of PUT /campaign/city-rating, for the API description.</summary>
public sealed record CityRatingInput(string? Rating, string? Source);
