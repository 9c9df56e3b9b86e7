using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Awards.Proposal;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// Builds the dossier's model: from the list the City Office fixed once the proposal is selected (then
/// no "DỰ THẢO" mark, and the Chairman's decision once recorded), else from today's live proposal (the
/// engine's slots with the committee's nominations, and the listed individuals) as a draft.
/// </summary>
public sealed class DossierSource(EngineHost host, AwardBook awards, ProposalWorkflow workflow, MeetingRepository meetings, IOptions<DossierOptions> options)
{
    private const string PeoplesCommittee = "Ủy ban nhân dân";

    /// <summary>The dossier of the proposal as it stands: fixed when selected, else the live draft as of <paramref name="asOf"/>.</summary>
    public async Task<AwardDossier> CurrentAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var review = await workflow.CurrentAsync(asOf, cancellationToken);
        if (!review.IsFixed) return await DraftAsync(asOf, cancellationToken);

        var rules = host.Rules;
        var standings = host.Engine.StandingsAsOf(review.AsOf);
        var collectives = review.Slots
            .SelectMany(slot => slot.Selected.Select(unit => new DossierCollective(unit.Unit, unit.Name, slot.Block, host.Campaign.Block(slot.Block)?.Name ?? slot.Block,
                slot.Group is { } code ? rules.Groups.FirstOrDefault(g => g.Block == slot.Block && g.Code == code)?.Name : null, slot.Name,
                slot.Kind == AwardKind.Committee, unit.Rank, unit.Score, Tied: false, standings.Find(unit.Unit)?.Entry.Dossiers)))
            .ToList();
        var individuals = review.Individuals.Select(i => new DossierIndividual(i.FullName, i.Position, i.Unit, i.UnitName, i.Achievement)).ToList();
        var status = review.State switch
        {
            ProposalStates.Decided => DossierStatus.Decided,
            ProposalStates.Appraised => DossierStatus.Appraised,
            _ => DossierStatus.Selected,
        };
        return new AwardDossier(status, rules.Name, rules.PeriodStart, rules.PeriodEnd, review.AsOf, review.Version, rules.DossierDeadline,
            collectives, individuals, Meeting: await MeetingAsync(cancellationToken),
            Decision: review.Decision is { } d ? new DossierDecision(d.Number, d.Date, d.Signer) : null);
    }

    public async Task<AwardDossier> DraftAsync(DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var rules = host.Rules;
        var proposal = await awards.ProposalAsync(asOf, cancellationToken);
        var standings = host.Engine.StandingsAsOf(asOf);
        var collectives = proposal.Slots
            .SelectMany(slot => slot.Proposed.Select(unit => (slot, unit)))
            .Select(p =>
            {
                var block = host.Campaign.Block(p.slot.Block);
                var group = p.slot.Group is { } code ? rules.Groups.FirstOrDefault(g => g.Block == p.slot.Block && g.Code == code)?.Name : null;
                var tiedRank = p.slot.Tied && p.slot.Proposed.Count > 0 ? p.slot.Proposed[^1].Rank : (int?)null;
                return new DossierCollective(p.unit.Unit, p.unit.Name, p.slot.Block, block?.Name ?? p.slot.Block, group, p.slot.Name,
                    p.slot.Kind == AwardKind.Committee, p.unit.Rank, p.unit.Score, p.unit.Rank == tiedRank,
                    standings.Find(p.unit.Unit)?.Entry.Dossiers);
            })
            .ToList();

        // Only individuals whose unit holds a collective award in this proposal: the page already
        // flags the others for review, and the plan allows no one else.
        var individuals = (await awards.IndividualsAsync(proposal, cancellationToken))
            .Where(i => i.UnitHoldsAward)
            .Select(i => new DossierIndividual(i.Individual.FullName, i.Individual.Position, i.Individual.Unit, i.UnitName, i.Individual.Achievement))
            .ToList();

        return new AwardDossier(DossierStatus.Draft, rules.Name, rules.PeriodStart, rules.PeriodEnd, proposal.AsOf, proposal.Version,
            rules.DossierDeadline, collectives, individuals, Meeting: await MeetingAsync(cancellationToken));
    }

    /// <summary>The minutes the City Office recorded on /khen-thuong; null leaves the biên bản's blanks to fill by hand.</summary>
    private async Task<MeetingMinutes?> MeetingAsync(CancellationToken cancellationToken) =>
        (await meetings.CurrentAsync(cancellationToken))?.Minutes;

    /// <summary>A unit's own figures for its report; null when there is no such unit.</summary>
    public UnitAchievement? Unit(string code, AwardDossier dossier)
    {
        var engine = host.Engine;
        if (engine.Report(code, dossier.AsOf) is not { } report) return null;
        var info = report.Unit;
        var block = host.Campaign.Block(info.Block);
        var blockName = block?.Name ?? info.Block;
        var board = report.Board is { } key ? engine.StandingsAsOf(dossier.AsOf).Board(key) : null;
        var contents = report.Score.Contents.Select(c =>
        {
            var indicator = host.Campaign.Indicator(c.Indicator);
            return new AchievementContent(Vi.ContentLetter(c.Indicator), indicator?.Name ?? c.Indicator, c.State, c.Numerator, c.Denominator, c.Rate,
                c.Points, c.MaxPoints);
        }).ToList();
        var proposedFor = dossier.Collectives.FirstOrDefault(c => c.Unit == code)?.SlotName;

        // A block of people's committees ("UBND phường") competes as the committee of each unit;
        // its superior is the district whose name carries the unit's district, else the settings' body.
        var committee = blockName.StartsWith("UBND", StringComparison.Ordinal) || blockName.StartsWith(PeoplesCommittee, StringComparison.OrdinalIgnoreCase);
        var fullName = committee ? $"{PeoplesCommittee} {LowerFirst(info.Name)}" : info.Name;
        var superior = Superior(info) is { } parent ? $"{PeoplesCommittee} {parent.Name}".ToUpperInvariant() : options.Value.IssuerParent.ToUpperInvariant();

        return new UnitAchievement(code, superior, fullName.ToUpperInvariant(), fullName, blockName, board?.GroupName,
            report.Entry?.Rank ?? 0, board?.Entries.Length ?? 0, report.Entry?.Score ?? report.Score.ShownScore, report.Score.Dossiers, contents, proposedFor);
    }

    private UnitInfo? Superior(UnitInfo unit) =>
        unit.District is not { Length: > 0 } district ? null
            : host.Engine.Units.FirstOrDefault(u => u.Code != unit.Code && u.Block != unit.Block && u.District == district
                && u.Name.EndsWith(district, StringComparison.Ordinal));

    private static string LowerFirst(string name) => name.Length == 0 ? name : char.ToLower(name[0], Vi.Culture) + name[1..];
}
