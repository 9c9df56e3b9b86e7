using System.Globalization;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards.Proposal;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Api;

/// <summary>The award proposal and its review chain: <c>GET /awards/proposal</c>, <c>POST /awards/proposal/transitions</c>.</summary>
public static class ProposalEndpoints
{
    public const int MaxNoteLength = 2000;
    public const int MaxReasonLength = 1000;
    public const int MaxDecisionField = 200;
    private const string Invalid = "Dữ liệu gửi lên không hợp lệ";
    private const string Shape =
        "Gửi { \"to\": \"selected\" | \"appraised\" | \"returned\" | \"decided\" | \"reopened\", \"note\": chuỗi | null, \"asOf\"?: \"yyyy-MM-dd\", "
        + "\"choices\"?: [{ \"slot\": mã suất, \"units\": [mã đơn vị], \"reason\": chuỗi }], \"decision\"?: { \"number\", \"date\", \"signer\" } }.";

    public static RouteGroupBuilder MapProposalApi(this RouteGroupBuilder api)
    {
        api.MapGet("/awards/proposal", async (string? asOf, EngineHost host, ProposalWorkflow workflow, CancellationToken ct) =>
        {
            if (!AsOfQuery.TryResolve(asOf, host, out var date, out var problem)) return problem!;
            return TypedResults.Ok(await workflow.CurrentAsync(date, ct));
        })
            .WithName("getAwardProposal")
            .WithSummary("Đề xuất khen thưởng và các bước xét chọn, thẩm định, quyết định")
            .Produces<ProposalDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/awards/proposal/transitions", PostTransition)
            .WithName("postAwardProposalTransition")
            .WithSummary("Chuyển bước đề xuất: chốt danh sách, thẩm định, trả lại, quyết định, mở lại")
            .Accepts<ProposalTransitionInput>("application/json")
            .Produces<ProposalDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AsWrite();
        return api;
    }

    private static async Task<IResult> PostTransition(HttpContext context, ApiKeys keys, EngineHost host, ProposalWorkflow workflow,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var (writer, role, refused) = await ApiAccess.RequireRoleAsync(context, keys,
            user => user.Role is Roles.Committee or Roles.Appraiser or Roles.Admin,
            $"Chỉ {Wording.ReviewChain.Selector}, {Wording.ReviewChain.Appraiser} hoặc quản trị viên được chuyển bước đề xuất khen thưởng.");
        if (refused is not null) return refused;

        if (await ApiEndpoints.ReadJson(context.Request, ct) is not { ValueKind: JsonValueKind.Object } json)
            return Problems.WholeBody(StatusCodes.Status400BadRequest, Invalid, Shape);
        var (transition, errors) = Parse(json, host, loggers.CreateLogger(typeof(ProposalEndpoints)));
        if (errors.Count > 0) return Problems.BadRequest(Invalid, errors);

        var outcome = await workflow.TransitionAsync(transition!, role!, writer!.Name, writer.Address, ct);
        return outcome.Status switch
        {
            StatusCodes.Status200OK => TypedResults.Ok(outcome.Proposal),
            StatusCodes.Status403Forbidden => AccessProblems.Forbidden(string.Join(" ", outcome.Reasons)),
            _ => Problems.Refused(outcome.Status, outcome.Title!, outcome.Reasons),
        };
    }

    /// <summary>Reads the body field by field, so each mistake is named on its field.</summary>
    internal static (ProposalTransition? Transition, List<ItemError> Errors) Parse(JsonElement json, EngineHost host, ILogger logger)
    {
        var errors = new List<ItemError>();
        errors.AddRange(StandardsEndpoints.UnknownFields(json, "to", "note", "asOf", "choices", "decision"));

        var to = String(json, "to", errors, logger);
        if (to is null && !errors.Any(e => e.Field == "to"))
            errors.Add(new ItemError(0, "to", $"Thiếu trường to: một trong {Quoted(ProposalActions.All)}."));
        else if (to is not null && !ProposalActions.All.Contains(to))
            errors.Add(new ItemError(0, "to", $"to “{Echo.Input(to)}” không hợp lệ: một trong {Quoted(ProposalActions.All)}."));

        var note = String(json, "note", errors, logger);
        if (note is { } n && n.Trim().Length > MaxNoteLength) errors.Add(new ItemError(0, "note", $"note dài quá {Vi.Count(MaxNoteLength)} ký tự."));
        if (to is ProposalActions.Return or ProposalActions.Reopen && string.IsNullOrWhiteSpace(note))
            errors.Add(new ItemError(0, "note", to == ProposalActions.Return ? "Trả lại đề xuất cần ghi ý kiến (note)." : "Mở lại đề xuất cần ghi lý do (note)."));

        DateOnly? asOf = null;
        if (Present(json, "asOf"))
        {
            if (to != ProposalActions.Select) errors.Add(new ItemError(0, "asOf", "asOf chỉ dùng khi chốt danh sách (to = \"selected\")."));
            else if (Date(json, "asOf", errors, logger) is { } date)
            {
                if (host.Campaign.IsInPeriod(date)) asOf = date;
                else errors.Add(new ItemError(0, "asOf", $"asOf: ngày {Vi.Date(date)} nằm ngoài đợt thi đua ({Vi.Date(host.Rules.PeriodStart)} – {Vi.Date(host.Rules.PeriodEnd)})."));
            }
        }

        var choices = new List<SlotChoice>();
        if (Present(json, "choices"))
        {
            if (to != ProposalActions.Select) errors.Add(new ItemError(0, "choices", "choices chỉ dùng khi chốt danh sách (to = \"selected\")."));
            else if (json.GetProperty("choices") is not { ValueKind: JsonValueKind.Array } array)
                errors.Add(new ItemError(0, "choices", "choices phải là mảng [{ \"slot\", \"units\", \"reason\" }]."));
            else
                foreach (var (item, i) in array.EnumerateArray().Select((item, i) => (item, i)))
                    if (Choice(item, $"choices[{i}]", errors, logger) is { } choice) choices.Add(choice);
        }

        DecisionDto? decision = null;
        if (Present(json, "decision"))
        {
            if (to != ProposalActions.Decide) errors.Add(new ItemError(0, "decision", "decision chỉ dùng khi ghi quyết định (to = \"decided\")."));
            else decision = Decision(json.GetProperty("decision"), errors, logger);
        }
        else if (to == ProposalActions.Decide)
            errors.Add(new ItemError(0, "decision", "Ghi quyết định cần decision: { \"number\": số quyết định, \"date\": \"yyyy-MM-dd\", \"signer\": người ký }."));

        return errors.Count > 0 ? (null, errors) : (new ProposalTransition(to!, note, asOf, choices, decision), errors);
    }

    private static SlotChoice? Choice(JsonElement item, string path, List<ItemError> errors, ILogger logger)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ItemError(0, path, $"{path} phải là đối tượng {{ \"slot\", \"units\", \"reason\" }}."));
            return null;
        }
        var count = errors.Count;
        var slot = String(item, "slot", errors, logger, path);
        if (string.IsNullOrWhiteSpace(slot) && errors.Count == count) errors.Add(new ItemError(0, $"{path}.slot", $"{path}.slot: ghi mã suất (slots[].id)."));
        var reason = String(item, "reason", errors, logger, path);
        if (string.IsNullOrWhiteSpace(reason) && errors.Count == count)
            errors.Add(new ItemError(0, $"{path}.reason", $"{path}.reason: ghi lý do chọn (ví dụ vì sao chọn đơn vị này trong số đồng hạng)."));
        else if (reason is { } r && r.Trim().Length > MaxReasonLength)
            errors.Add(new ItemError(0, $"{path}.reason", $"{path}.reason dài quá {Vi.Count(MaxReasonLength)} ký tự."));
        var units = new List<string>();
        if (!item.TryGetProperty("units", out var list) || list.ValueKind != JsonValueKind.Array)
            errors.Add(new ItemError(0, $"{path}.units", $"{path}.units phải là mảng mã đơn vị."));
        else
            foreach (var unit in list.EnumerateArray())
            {
                if (unit.ValueKind != JsonValueKind.String) errors.Add(new ItemError(0, $"{path}.units", $"{path}.units chỉ chứa mã đơn vị (chuỗi)."));
                else if (JsonStrings.Read(unit, $"{path}.units", 0, errors, logger) is { } code) units.Add(code.Trim());
            }
        return errors.Count == count ? new SlotChoice(slot!.Trim(), units, reason!) : null;
    }

    private static DecisionDto? Decision(JsonElement json, List<ItemError> errors, ILogger logger)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ItemError(0, "decision", "decision phải là { \"number\", \"date\", \"signer\" }."));
            return null;
        }
        var count = errors.Count;
        var number = String(json, "number", errors, logger, "decision");
        if (string.IsNullOrWhiteSpace(number) && errors.Count == count) errors.Add(new ItemError(0, "decision.number", "Ghi số quyết định (decision.number), ví dụ “125/QĐ-UBND”."));
        var signer = String(json, "signer", errors, logger, "decision");
        if (string.IsNullOrWhiteSpace(signer) && errors.Count == count) errors.Add(new ItemError(0, "decision.signer", "Ghi người ký quyết định (decision.signer)."));
        foreach (var (field, value) in new[] { ("number", number), ("signer", signer) })
            if (value is { } v && v.Trim().Length > MaxDecisionField)
                errors.Add(new ItemError(0, $"decision.{field}", $"decision.{field} dài quá {Vi.Count(MaxDecisionField)} ký tự."));
        var date = Date(json, "date", errors, logger, "decision");
        if (date is null && errors.Count == count) errors.Add(new ItemError(0, "decision.date", "Ghi ngày quyết định (decision.date) dạng yyyy-MM-dd."));
        return errors.Count == count ? new DecisionDto(number!.Trim(), date!.Value, signer!.Trim()) : null;
    }

    private static bool Present(JsonElement json, string field) => json.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>An optional string field: absent or null is null; another kind, or text that cannot be read, is an error on the field.</summary>
    private static string? String(JsonElement json, string field, List<ItemError> errors, ILogger logger, string? path = null)
    {
        var name = path is null ? field : $"{path}.{field}";
        if (!json.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return JsonStrings.Read(value, name, 0, errors, logger);
        errors.Add(new ItemError(0, name, $"{name} phải là chuỗi."));
        return null;
    }

    private static DateOnly? Date(JsonElement json, string field, List<ItemError> errors, ILogger logger, string? path = null)
    {
        var name = path is null ? field : $"{path}.{field}";
        var count = errors.Count;
        var text = String(json, field, errors, logger, path);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (errors.Count == count) errors.Add(new ItemError(0, name, $"{name} “{Echo.Input(text)}” phải có dạng yyyy-MM-dd."));
        return null;
    }

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"\"{v}\""));
}

/// <summary>The body of POST /awards/proposal/transitions, for the API description (the endpoint reads it field by field).</summary>
public sealed record ProposalTransitionInput(string To, string? Note, DateOnly? AsOf, IReadOnlyList<SlotChoiceInput>? Choices, DecisionDto? Decision);

public sealed record SlotChoiceInput(string Slot, IReadOnlyList<string> Units, string Reason);
