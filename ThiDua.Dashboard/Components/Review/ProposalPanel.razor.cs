using System.Globalization;
using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Components.Controls;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Awards.Proposal;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Review;

/// <summary>
/// The review chain on /khen-thuong: where the proposal stands, the list fixed by the City Office beside
/// the live one, the steps taken, and the step the signed-in office may take next.
/// </summary>
public sealed partial class ProposalPanel : CampaignComponent
{
    /// <summary>A part of the awards page, which answers an unknown campaign.</summary>
    protected override bool ShowsNotFound => false;

    private ProposalWorkflow Workflow => Campaign.Get<ProposalWorkflow>();
    private EngineHost Host => Campaign.Host;

    [Parameter, EditorRequired] public ProposalDto Review { get; set; } = default!;

    /// <summary>The live proposal as of the page's date: its tied slots are what a selection must choose in.</summary>
    [Parameter, EditorRequired] public ProposalDto Live { get; set; } = default!;

    [Parameter] public SignedInUser? User { get; set; }

    // Dates as the page shows every date (dd/MM/yyyy), not the browser's own date input, which follows its language.
    private DateTime? SelectAsOf { get; set; }
    private string? Note { get; set; }
    private string? ReopenNote { get; set; }
    private string? DecisionNumber { get; set; }
    private DateTime? DecisionDate { get; set; }
    private string? DecisionSigner { get; set; }
    private Dictionary<string, HashSet<string>> Choices { get; } = [];
    private Dictionary<string, string?> Reasons { get; } = [];
    private List<string> Errors { get; set; } = [];

    /// <summary>The steps this user may take from the current state.</summary>
    private IReadOnlyList<string> Steps =>
        User is not { MustChangePassword: false } user ? []
            : [.. ProposalActions.All.Where(a => ProposalActions.MayTake(user.Role, a) && ProposalActions.From(a).Contains(Review.State))];

    private IEnumerable<ProposalSlotDto> TiedSlots => Live.Slots.Where(s => s.Tied);

    protected override void OnParametersSet() => SelectAsOf ??= Live.AsOf.ToDateTime(TimeOnly.MinValue);

    private HashSet<string> Chosen(string slot) => Choices.TryGetValue(slot, out var units) ? units : Choices[slot] = [];

    private string? ReasonOf(string slot) => Reasons.GetValueOrDefault(slot);

    private void Toggle(string slot, string unit, bool on)
    {
        if (on) Chosen(slot).Add(unit);
        else Chosen(slot).Remove(unit);
    }

    private async Task TakeAsync(string action)
    {
        if (User is null) return;
        var errors = new List<string>();
        DateOnly? asOf = null;
        if (action == ProposalActions.Select)
        {
            if (SelectAsOf is { } chosen && DateOnly.FromDateTime(chosen) is var date && Host.Campaign.IsInPeriod(date)) asOf = date;
            else errors.Add($"Chọn ngày số liệu trong đợt thi đua ({Vi.Date(Host.Rules.PeriodStart)} – {Vi.Date(Host.Rules.PeriodEnd)}).");
        }
        var note = action == ProposalActions.Reopen ? ReopenNote : Note;
        if (action is ProposalActions.Return && string.IsNullOrWhiteSpace(note)) errors.Add("Trả lại đề xuất cần ghi ý kiến.");
        if (action is ProposalActions.Reopen && string.IsNullOrWhiteSpace(note)) errors.Add("Mở lại đề xuất cần ghi lý do.");
        DecisionDto? decision = null;
        if (action == ProposalActions.Decide)
        {
            if (string.IsNullOrWhiteSpace(DecisionNumber)) errors.Add("Ghi số quyết định.");
            if (string.IsNullOrWhiteSpace(DecisionSigner)) errors.Add("Ghi người ký quyết định.");
            if (DecisionDate is not { } decided) errors.Add("Chọn ngày quyết định.");
            else if (errors.Count == 0) decision = new DecisionDto(DecisionNumber!.Trim(), DateOnly.FromDateTime(decided), DecisionSigner!.Trim());
        }
        var choices = action != ProposalActions.Select ? [] : TiedSlots.Where(s => Chosen(s.Id).Count > 0)
            .Select(s => new SlotChoice(s.Id, [.. s.Proposed.Select(p => p.Unit).Where(Chosen(s.Id).Contains)], ReasonOf(s.Id) ?? "")).ToList();
        foreach (var choice in choices.Where(c => string.IsNullOrWhiteSpace(c.Reason)))
            errors.Add($"{SlotName(Live.Slots.First(s => s.Id == choice.Slot))}: ghi lý do chọn.");
        if (errors.Count > 0)
        {
            Errors = errors;
            return;
        }

        try
        {
            var outcome = await Workflow.TransitionAsync(new ProposalTransition(action, note, asOf, choices, decision), User.Role, User.UserName, User.Address);
            Errors = [.. outcome.Reasons];
            if (outcome.Proposal is not null) Note = ReopenNote = null;
        }
        catch (AuditWriteException)
        {
            Errors = [AuditWriteException.UserMessage];
        }
    }

    private string SlotName(ProposalSlotDto slot)
    {
        var block = Host.Campaign.Block(slot.Block)?.Name ?? slot.Block;
        var group = slot.Group is { } code ? Host.Rules.Groups.FirstOrDefault(g => g.Block == slot.Block && g.Code == code)?.Name : null;
        return group is null ? $"{block} · {slot.Name}" : $"{block} · {group}";
    }

    private string Local(DateTimeOffset at) => Host.CampaignTime(at).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Quyết định số … ngày … của Chủ tịch UBND thành phố", as every page that names an award says it.</summary>
    public static string DecisionText(DecisionDto decision) => Wording.AwardStanding.DecisionText(decision);
}
