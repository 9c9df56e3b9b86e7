using System.Globalization;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Dossier;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// The minutes of the City Office's selection meeting (biên bản họp xét): <c>GET</c> and <c>PUT /awards/meeting</c>.
/// The JSON shape is checked here field by field; what the values must be is <see cref="MeetingBook"/>'s, shared with the page.
/// </summary>
public static class MeetingEndpoints
{
    private const string Invalid = "Dữ liệu gửi lên không hợp lệ";
    private const string Shape =
        "Gửi { \"at\": \"yyyy-MM-ddTHH:mm\", \"place\": chuỗi, \"chair\": chuỗi, \"secretary\": chuỗi, \"attendees\": [chuỗi], "
        + "\"votes\": [{ \"subject\": mã đơn vị hoặc họ tên cá nhân, \"for\": số, \"against\": số, \"abstain\": số }] }.";

    public static RouteGroupBuilder MapMeetingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/awards/meeting", async (MeetingBook meetings, CancellationToken ct) =>
                await meetings.CurrentAsync(ct) is { } current
                    ? Results.Json(MeetingMinutesDto.From(current))
                    // An explicit JSON null: "no minutes yet" is an answer, not an empty body.
                    : Results.Content("null", "application/json"))
            .WithName("getAwardMeeting")
            .WithSummary("Biên bản họp xét khen thưởng: thời gian, địa điểm, chủ trì, thư ký, thành phần, biểu quyết (null khi chưa ghi)")
            .Produces<MeetingMinutesDto>();

        api.MapPut("/awards/meeting", PutMeeting)
            .WithName("putAwardMeeting")
            .WithSummary("Ghi biên bản họp xét khen thưởng (Văn phòng UBND thành phố hoặc quản trị viên)")
            .Accepts<MeetingMinutesInput>("application/json")
            .Produces<MeetingMinutesDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AsWrite();
        return api;
    }

    private static async Task<IResult> PutMeeting(HttpContext context, ApiKeys keys, MeetingBook meetings, ILoggerFactory loggers, CancellationToken ct)
    {
        var (writer, refused) = await ApiAccess.RequireAsync(context, keys, user => user.MayNominate,
            $"Chỉ {Wording.ReviewChain.Selector} (tài khoản xét chọn), quản trị viên hoặc khóa API quản trị được ghi biên bản họp xét.");
        if (refused is not null) return refused;

        if (await ApiEndpoints.ReadJson(context.Request, ct) is not { ValueKind: JsonValueKind.Object } json)
            return Problems.WholeBody(StatusCodes.Status400BadRequest, Invalid, Shape);
        var (draft, errors) = Parse(json, loggers.CreateLogger(typeof(MeetingEndpoints)));
        if (errors.Count > 0) return Problems.BadRequest(Invalid, errors);

        var (recorded, refusals) = await meetings.RecordAsync(draft!, writer!.Name, writer.Address, ct);
        return recorded is null ? Problems.BadRequest(Invalid, refusals) : TypedResults.Ok(MeetingMinutesDto.From(recorded));
    }

    /// <summary>Reads the body's shape: each field of the wrong kind is named; the values are judged by <see cref="MeetingBook"/>.</summary>
    private static (MeetingMinutesDraft? Draft, List<ItemError> Errors) Parse(JsonElement json, ILogger logger)
    {
        var errors = new List<ItemError>();
        errors.AddRange(StandardsEndpoints.UnknownFields(json, "at", "place", "chair", "secretary", "attendees", "votes"));
        var at = String(json, "at", errors, logger);
        var place = String(json, "place", errors, logger);
        var chair = String(json, "chair", errors, logger);
        var secretary = String(json, "secretary", errors, logger);

        var attendees = new List<string?>();
        if (Array(json, "attendees", "mảng tên người tham dự (chuỗi)", errors) is { } people)
            foreach (var (person, i) in people.EnumerateArray().Select((p, i) => (p, i)))
            {
                if (person.ValueKind == JsonValueKind.String) attendees.Add(JsonStrings.Read(person, $"attendees[{i}]", i, errors, logger));
                else errors.Add(new ItemError(i, $"attendees[{i}]", $"attendees[{i}] phải là chuỗi (họ tên, chức vụ người tham dự)."));
            }

        var votes = new List<MeetingVoteDraft>();
        if (Array(json, "votes", "mảng [{ \"subject\", \"for\", \"against\", \"abstain\" }]", errors) is { } rows)
            foreach (var (row, i) in rows.EnumerateArray().Select((r, i) => (r, i)))
            {
                var path = $"votes[{i}]";
                if (row.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new ItemError(i, path, $"{path} phải là đối tượng {{ \"subject\", \"for\", \"against\", \"abstain\" }}."));
                    continue;
                }
                errors.AddRange(StandardsEndpoints.UnknownFields(row, "subject", "for", "against", "abstain").Select(e => e with { Index = i, Field = $"{path}.{e.Field}" }));
                var subject = String(row, "subject", errors, logger, path);
                votes.Add(new MeetingVoteDraft(subject, Count(row, "for", path, i, errors), Count(row, "against", path, i, errors), Count(row, "abstain", path, i, errors)));
            }

        return errors.Count > 0 ? (null, errors) : (new MeetingMinutesDraft(at, place, chair, secretary, attendees, votes), errors);
    }

    private static string? String(JsonElement json, string field, List<ItemError> errors, ILogger logger, string? path = null)
    {
        var name = path is null ? field : $"{path}.{field}";
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return JsonStrings.Read(value, name, 0, errors, logger);
        errors.Add(new ItemError(0, name, $"{name} phải là chuỗi."));
        return null;
    }

    /// <summary>An optional array: absent or null is empty.</summary>
    private static JsonElement? Array(JsonElement json, string field, string shape, List<ItemError> errors)
    {
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Array) return value;
        errors.Add(new ItemError(0, field, $"{field} phải là {shape}."));
        return null;
    }

    private static long Count(JsonElement row, string field, string path, int index, List<ItemError> errors)
    {
        if (!row.TryGetProperty(field, out var value))
            errors.Add(new ItemError(index, $"{path}.{field}", $"Thiếu {path}.{field}: số người {Label(field)} (số nguyên, từ 0)."));
        else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count)) return count;
        else errors.Add(new ItemError(index, $"{path}.{field}", $"{path}.{field} phải là số nguyên (số người {Label(field)})."));
        return 0;
    }

    private static string Label(string field) => field switch
    {
        "for" => "tán thành",
        "against" => "không tán thành",
        _ => "không biểu quyết",
    };
}

/// <summary>The minutes as the API answers: <see cref="At"/> is the campaign's local time, "yyyy-MM-ddTHH:mm".</summary>
public sealed record MeetingMinutesDto(string At, string Place, string Chair, string Secretary, IReadOnlyList<string> Attendees,
    IReadOnlyList<MeetingVote> Votes, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static MeetingMinutesDto From(MeetingMinutesRecord record) => new(
        record.Minutes.At.ToString(MeetingRepository.TimeFormat, CultureInfo.InvariantCulture), record.Minutes.Place, record.Minutes.Chair,
        record.Minutes.Secretary, record.Minutes.Attendees, record.Minutes.Votes, record.By, record.At);
}

/// <summary>The body of PUT /awards/meeting, for the API description (the endpoint reads it field by field).</summary>
public sealed record MeetingMinutesInput(string At, string Place, string Chair, string Secretary, IReadOnlyList<string> Attendees, IReadOnlyList<MeetingVote> Votes);
