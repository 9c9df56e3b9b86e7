using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Awards.Proposal;

/// <summary>The City Office's choice for one slot: which of its units, and why.</summary>
public sealed record SlotChoice(string Slot, IReadOnlyList<string> Units, string Reason);

/// <summary>A step asked for, its body already read: <see cref="AsOf"/> and <see cref="Choices"/> only with a selection, <see cref="Decision"/> only with a decision.</summary>
public sealed record ProposalTransition(string To, string? Note, DateOnly? AsOf, IReadOnlyList<SlotChoice> Choices, DecisionDto? Decision);

/// <summary>The answer to a step: the proposal after it, or why it was refused (403 role, 400 input, 409 state or plan).</summary>
public sealed record TransitionOutcome(ProposalDto? Proposal, int Status, string? Title, IReadOnlyList<string> Reasons)
{
    public static TransitionOutcome Done(ProposalDto proposal) => new(proposal, StatusCodes.Status200OK, null, []);

    public static TransitionOutcome Refused(int status, string title, params IReadOnlyList<string> reasons) => new(null, status, title, reasons);
}

/// <summary>
/// The proposal's review chain (KH 74, III.5 and IV.2): the live proposal until the City Office fixes a
/// list as of a date; then Ban Thi đua - Khen thưởng appraises or returns it; the Chairman's decision
/// closes it; an admin may reopen. Each step is one append-only row with its audit entry, in one transaction.
/// </summary>
public sealed class ProposalWorkflow(EngineHost host, AwardBook awards, LeaderboardNotifier notifier, ProposalRepository steps, IAuditTrail audit, TimeProvider time)
{
    public const string StateConflict = "Bước này không thực hiện được ở trạng thái hiện tại";
    public const string PlanConflict = "Danh sách đề nghị không đúng kế hoạch";
    private const string BadInput = "Dữ liệu gửi lên không hợp lệ";

    private readonly SemaphoreSlim _write = new(1, 1);

    /// <summary>The proposal now: live as of <paramref name="asOf"/> (default: the campaign's current date) while draft, else the fixed list.</summary>
    public async Task<ProposalDto> CurrentAsync(DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        await ViewAsync(await steps.StepsAsync(cancellationToken), asOf ?? host.DefaultAsOf(), cancellationToken);

    public async Task<TransitionOutcome> TransitionAsync(ProposalTransition step, string role, string by, string? address, CancellationToken cancellationToken = default)
    {
        if (!ProposalActions.MayTake(role, step.To))
            return TransitionOutcome.Refused(StatusCodes.Status403Forbidden, "Không có quyền", ProposalActions.WhoMay(step.To));

        await _write.WaitAsync(cancellationToken);
        try
        {
            var all = await steps.StepsAsync(cancellationToken);
            var state = all.Count == 0 ? ProposalStates.Draft : all[^1].State;
            if (!ProposalActions.From(step.To).Contains(state))
                return TransitionOutcome.Refused(StatusCodes.Status409Conflict, StateConflict,
                    $"Đề xuất đang ở trạng thái “{ProposalStates.Label(state)}”; bước “{ProposalActions.Label(step.To)}” chỉ làm được khi đề xuất ở trạng thái "
                    + string.Join(" hoặc ", ProposalActions.From(step.To).Select(s => $"“{ProposalStates.Label(s)}”")) + ".");

            string? fixedJson = null;
            DateOnly? asOf = null;
            if (step.To == ProposalActions.Select)
            {
                asOf = step.AsOf ?? host.DefaultAsOf();
                var (fixedProposal, refused) = await FixAsync(asOf.Value, step.Choices, cancellationToken);
                if (refused is not null) return refused;
                fixedJson = fixedProposal!.ToJson();
            }

            var record = new StoredProposalStep(0, step.To, ProposalActions.Target(step.To), step.Note?.Trim() is { Length: > 0 } note ? note : null, fixedJson,
                step.Decision?.Number.Trim(), step.Decision?.Date, step.Decision?.Signer.Trim(), by, time.GetUtcNow());
            var stored = await steps.AppendAsync(all.Count == 0 ? 0 : all[^1].Id, record, cancellationToken,
                audit.EntryFor<StoredProposalStep>(s => new AuditRecord(AuditKinds.Proposal, by, address, Summary(s), "proposal",
                    Before: new { state },
                    After: new { state = s.State, step = s.Action, note = s.Note, asOf, decision = step.Decision })));
            if (stored is null)
                return TransitionOutcome.Refused(StatusCodes.Status409Conflict, StateConflict, "Đề xuất vừa được người khác chuyển bước; tải lại rồi thử lại.");
        }
        finally
        {
            _write.Release();
        }
        notifier.PublishDecisions();
        return TransitionOutcome.Done(await CurrentAsync(step.AsOf, cancellationToken));
    }

    private static string Summary(StoredProposalStep step) => step.Action switch
    {
        ProposalActions.Decide => $"{ProposalActions.Label(step.Action)}: Quyết định số {step.DecisionNumber} ngày {Vi.Date(step.DecisionDate!.Value)}",
        _ => ProposalActions.Label(step.Action) + (step.Note is { } note ? $": {Echo.Input(note)}" : ""),
    };

    /// <summary>The list as of <paramref name="asOf"/> with the City Office's choices, or why the plan forbids it.</summary>
    private async Task<(FixedProposal? Fixed, TransitionOutcome? Refused)> FixAsync(DateOnly asOf, IReadOnlyList<SlotChoice> choices, CancellationToken cancellationToken)
    {
        var proposal = await awards.ProposalAsync(asOf, cancellationToken);
        var bySlot = proposal.Slots.ToDictionary(ProposalSlotDto.IdOf, StringComparer.Ordinal);
        var unknown = choices.Where(c => !bySlot.ContainsKey(c.Slot)).Select(c => $"Không có suất “{Echo.Input(c.Slot)}”; mã suất là “khối/nhóm” hoặc “khối/mã suất” như trong slots[].id.").ToList();
        unknown.AddRange(choices.GroupBy(c => c.Slot).Where(g => g.Count() > 1).Select(g => $"Suất “{Echo.Input(g.Key)}” được chọn hai lần."));
        if (unknown.Count > 0) return (null, TransitionOutcome.Refused(StatusCodes.Status400BadRequest, BadInput, unknown));

        var conflicts = new List<string>();
        var slots = new List<ProposalSlotDto>();
        foreach (var slot in proposal.Slots)
        {
            var choice = choices.FirstOrDefault(c => c.Slot == ProposalSlotDto.IdOf(slot));
            var selected = Select(slot, choice, asOf, conflicts);
            slots.Add(ProposalSlotDto.From(slot, selected));
        }

        var holders = slots.SelectMany(s => s.Selected).Select(s => s.Unit).ToHashSet(StringComparer.Ordinal);
        var individuals = new List<ProposalIndividualDto>();
        foreach (var person in await awards.IndividualsAsync(proposal, cancellationToken))
        {
            var i = person.Individual;
            if (!holders.Contains(i.Unit))
                conflicts.Add($"{i.FullName} ({person.UnitName}): đơn vị không có trong danh sách khen tập thể được chốt; cá nhân chỉ được chọn từ đơn vị được khen tập thể.");
            if (!IndividualDuty.IsKnown(i.Duty))
                conflicts.Add($"{i.FullName} ({person.UnitName}): chưa ghi nhiệm vụ; chỉ cán bộ Bộ phận Một cửa hoặc làm công tác kiểm soát thủ tục hành chính được đề nghị.");
            individuals.Add(new ProposalIndividualDto(i.Id, i.FullName, i.Position, i.Unit, person.UnitName, i.Duty, i.Achievement));
        }

        return conflicts.Count > 0
            ? (null, TransitionOutcome.Refused(StatusCodes.Status409Conflict, PlanConflict, conflicts))
            : (new FixedProposal(proposal.AsOf, proposal.Version, slots, individuals), null);
    }

    /// <summary>A slot's units: its rank order (or the City Office's nominees) unless a choice is given; a shared last place needs a choice.</summary>
    private List<SelectedUnitDto> Select(AwardSlot slot, SlotChoice? choice, DateOnly asOf, List<string> conflicts)
    {
        var where = SlotWords(slot);
        // A committee slot whose condition fails keeps its nominees as passed over: selecting would award them.
        if (slot.Condition is { Met: false } condition && (choice is { Units.Count: > 0 } || slot.Proposed.Count > 0 || slot.PassedOver.Count > 0))
        {
            conflicts.Add($"{where}: {condition.Text}");
            return [];
        }
        if (choice is null)
        {
            if (slot.Tied)
            {
                conflicts.Add($"{where}: {Vi.Count(slot.Proposed.Count)} đơn vị đồng hạng cho {Vi.Count(slot.Count)} suất; chọn trong choices ({string.Join(", ", slot.Proposed.Select(p => p.Name))}) và ghi lý do.");
                return [];
            }
            Unassessed(slot.Proposed.Select(p => p.Unit), slot, conflicts);
            return [.. slot.Proposed.Select(p => new SelectedUnitDto(p.Unit, p.Name, p.Rank, p.Score, null))];
        }

        if (choice.Units.Count > slot.Count)
            conflicts.Add($"{where}: chỉ có {Vi.Count(slot.Count)} suất, đã chọn {Vi.Count(choice.Units.Count)} đơn vị.");
        var chosen = new List<SelectedUnitDto>();
        foreach (var code in choice.Units.Distinct(StringComparer.Ordinal))
        {
            if (slot.Proposed.FirstOrDefault(p => p.Unit == code) is { } proposed)
                chosen.Add(new SelectedUnitDto(proposed.Unit, proposed.Name, proposed.Rank, proposed.Score, choice.Reason.Trim()));
            else if (slot.PassedOver.FirstOrDefault(p => p.Unit == code) is { } passed)
                conflicts.Add($"{where}: {passed.Name} không đủ điều kiện khen thưởng — {string.Join(" ", passed.Reasons)}");
            else if (host.Engine.Report(code, asOf) is { } report)
                conflicts.Add(report.AwardIneligibility.Count > 0
                    ? $"{where}: {report.Unit.Name} không đủ điều kiện khen thưởng — {string.Join(" ", report.AwardIneligibility)}"
                    : $"{where}: {report.Unit.Name} không nằm trong số đơn vị được xét cho suất này tại ngày {Vi.Date(asOf)} (chỉ chọn trong số đơn vị đứng đầu nhóm hoặc đồng hạng ở suất cuối).");
            else
                conflicts.Add($"{where}: không có đơn vị mã “{Echo.Input(code)}”.");
        }
        Unassessed(chosen.Select(u => u.Unit), slot, conflicts);
        return chosen;
    }

    /// <summary>The plan's standard (a): the City Office must have found each unit meets Nghị quyết 02/NQ-CP before proposing it.</summary>
    private void Unassessed(IEnumerable<string> units, AwardSlot slot, List<string> conflicts)
    {
        var codes = units.ToHashSet(StringComparer.Ordinal);
        foreach (var unit in slot.Proposed.Where(p => codes.Contains(p.Unit) && !p.StandardAssessed))
            conflicts.Add($"{SlotWords(slot)}: {unit.Name} chưa được đánh giá tiêu chí Nghị quyết 02/NQ-CP; ghi đánh giá trước khi chốt danh sách.");
    }

    private string SlotWords(AwardSlot slot)
    {
        var block = host.Campaign.Block(slot.Block)?.Name ?? slot.Block;
        return slot.Group is { } group
            ? $"Suất “{slot.Name}” của nhóm {host.Rules.Groups.FirstOrDefault(g => g.Block == slot.Block && g.Code == group)?.Name ?? group}, khối {block}"
            : $"Suất “{slot.Name}”, khối {block}";
    }

    /// <summary>The live proposal as a draft (what a selection as of <paramref name="asOf"/> would start from), whatever the state.</summary>
    public Task<ProposalDto> LiveAsync(DateOnly asOf, CancellationToken cancellationToken = default) => LiveAsync(asOf, [], cancellationToken);

    private async Task<ProposalDto> LiveAsync(DateOnly asOf, IReadOnlyList<ProposalStepDto> history, CancellationToken cancellationToken)
    {
        var live = await awards.ProposalAsync(asOf, cancellationToken);
        var listed = await awards.IndividualsAsync(live, cancellationToken);
        return new ProposalDto(ProposalStates.Draft, live.AsOf, live.Version, [.. live.Slots.Select(s => ProposalSlotDto.From(s, []))],
            [.. listed.Select(p => new ProposalIndividualDto(p.Individual.Id, p.Individual.FullName, p.Individual.Position, p.Individual.Unit,
                p.UnitName, p.Individual.Duty, p.Individual.Achievement))],
            history, null, null);
    }

    private async Task<ProposalDto> ViewAsync(IReadOnlyList<StoredProposalStep> all, DateOnly asOf, CancellationToken cancellationToken)
    {
        var history = all.Select(s => new ProposalStepDto(s.Action, s.At, s.By, s.Note)).ToList();
        var state = all.Count == 0 ? ProposalStates.Draft : all[^1].State;
        if (state == ProposalStates.Draft) return await LiveAsync(asOf, history, cancellationToken);
        var selection = all.Last(s => s.Action == ProposalActions.Select);
        var fixedList = FixedProposal.FromJson(selection.FixedJson!);
        var last = all[^1];
        var decision = state == ProposalStates.Decided ? new DecisionDto(last.DecisionNumber!, last.DecisionDate!.Value, last.DecisionSigner!) : null;
        return new ProposalDto(state, fixedList.AsOf, fixedList.Version, fixedList.Slots, fixedList.Individuals, history, decision, selection.At);
    }
}
