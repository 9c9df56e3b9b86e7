using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Components.Controls;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Dossier;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Wording;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>
/// The award proposal for the committee: a card per slot (proposed units, ties, who was passed
/// over and why), the committee's nominations, and the individuals.
/// </summary>
public sealed partial class Awards
{
    /// <summary>The page shows the committee's current decisions at every date, so it hears of them at every date.</summary>
    protected override bool FollowsDecisionsInThePast => true;

    private AwardBook AwardBook => Campaign.Get<AwardBook>();
    private ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow Workflow => Campaign.Get<ThiDua.Dashboard.Awards.Proposal.ProposalWorkflow>();
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    private AwardProposal? Proposal { get; set; }
    private ThiDua.Dashboard.Awards.Proposal.ProposalDto? Review { get; set; }
    private ThiDua.Dashboard.Awards.Proposal.ProposalDto? LiveReview { get; set; }
    private IReadOnlyList<Nomination> Nominations { get; set; } = [];
    private IReadOnlyList<IndividualView> Individuals { get; set; } = [];
    private SignedInUser? User { get; set; }
    /// <summary>Who may act in the review panels: nobody once the campaign is closed (it is read-only everywhere).</summary>
    private SignedInUser? Writer => Campaign.IsClosed ? null : User;

    private bool CanNominate => User is { MayNominate: true, MustChangePassword: false };

    /// <summary>Nominations and individuals change the live proposal only: once the list is fixed they wait for a reopening.</summary>
    private bool MayChangeLive => !Campaign.IsClosed && CanNominate && !IsPast && Review is not { IsFixed: true };
    private List<string> Errors { get; set; } = [];

    private string? NominateUnit { get; set; }
    private string? NominateReason { get; set; }
    private string? PersonName { get; set; }
    private string? PersonPosition { get; set; }
    private string? PersonUnit { get; set; }
    private string? PersonAchievement { get; set; }
    private string? PersonDuty { get; set; }

    private int CollectiveCount => Host.Rules.Groups.Sum(g => g.AwardSlots) + Host.Rules.Blocks.Sum(b => b.CommitteeSlots.Sum(s => s.Count));
    private bool Nq02Applied => Host.Rules.Indicators.Any(i => i.Nq02MinRate is not null);
    // The campaign's own deadline (a campaign may have none); "trước ngày": counted against today in the campaign's time zone, from the app's clock.
    private DateOnly? DossierDeadline => Host.Rules.DossierDeadline;
    private int DossierDaysLeft => Dossier.DossierDeadline.DaysLeft(DossierDeadline!.Value, Host.Today());
    private string DossierDeadlineText => Dossier.DossierDeadline.Describe(DossierDeadline!.Value, Host.Today());
    private string DossierHref => PageLink.Api($"/api/v1/awards/dossier.zip?asOf={AsOf:yyyy-MM-dd}", Campaign.ChosenCode);

    private string PrintHref => PageHref("/khen-thuong/in");

    private IEnumerable<UnitInfo> HolderUnits =>
        Proposal is null ? [] : AwardBook.CollectiveHolders(Proposal).Select(Host.Engine.Unit).OfType<UnitInfo>().OrderBy(u => u.Name, Vi.Collation);

    protected override async Task OnInitializedAsync()
    {
        User = SignedInUser.From((await Authentication.GetAuthenticationStateAsync()).User);
    }

    protected override async Task LoadAsync()
    {
        Proposal = await AwardBook.ProposalAsync(AsOf);
        Nominations = await AwardBook.NominationsAsync();
        // Individuals are judged against the live proposal: that is the one the committee decides on.
        var live = IsPast ? await AwardBook.ProposalAsync(Host.DefaultAsOf()) : Proposal;
        Individuals = await AwardBook.IndividualsAsync(live);
        Review = await Workflow.CurrentAsync(AsOf);
        LiveReview = Review.IsFixed ? await Workflow.LiveAsync(AsOf) : Review;
    }

    private Nomination? NominationOf(AwardSlot slot, string unit) =>
        Nominations.FirstOrDefault(n => n.Block == slot.Block && n.Slot == slot.Code && n.Unit == unit);

    private IEnumerable<UnitInfo> UnitsOf(string block) =>
        Host.Engine.Units.Where(u => u.Block == block && u.IsActiveOn(AsOf)).OrderBy(u => u.Name, Vi.Collation);

    private string BlockName(string code) => Host.Campaign.Block(code)?.Name ?? code;

    private string ExportHref(string format) => PageLink.Api($"/api/v1/awards/export?format={format}&asOf={AsOf:yyyy-MM-dd}", Campaign.ChosenCode);

    private string Local(DateTimeOffset at) =>
        Host.CampaignTime(at).ToString("HH:mm dd/MM/yyyy");

    private async Task NominateAsync(AwardSlot slot)
    {
        if (!MayChangeLive) return;
        Errors = [.. (await AwardBook.NominateAsync(slot.Block, slot.Code!, NominateUnit ?? "", NominateReason ?? "", User!.UserName, User.Address)).Problems];
        if (Errors.Count == 0) NominateUnit = NominateReason = null;
    }

    private async Task WithdrawAsync(AwardSlot slot, string unit)
    {
        if (!MayChangeLive) return;
        Errors = [.. (await AwardBook.WithdrawAsync(slot.Block, slot.Code!, unit, $"{ReviewChain.Selector} rút đề cử", User!.UserName, User.Address)).Problems];
    }

    private async Task AddIndividualAsync()
    {
        if (!MayChangeLive) return;
        Errors = [.. (await AwardBook.AddIndividualAsync(PersonName ?? "", PersonPosition ?? "", PersonUnit ?? "", PersonDuty, PersonAchievement ?? "", User!.UserName, User.Address)).Problems];
        if (Errors.Count == 0) PersonName = PersonPosition = PersonUnit = PersonDuty = PersonAchievement = null;
    }

    private async Task RemoveIndividualAsync(long id)
    {
        if (!MayChangeLive) return;
        Errors = [.. (await AwardBook.RemoveIndividualAsync(id, User!.UserName, User.Address)).Problems];
    }
}
