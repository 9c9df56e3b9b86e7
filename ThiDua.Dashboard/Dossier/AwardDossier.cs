namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// How far the proposal behind a dossier has gone. Only <see cref="Draft"/> exists today (the
/// live proposal); a fixed proposal is passed in later with the same model, and only a draft
/// carries the "DỰ THẢO" mark.
/// </summary>
public enum DossierStatus
{
    Draft,
    Selected,
    Appraised,
    Decided,
}

/// <summary>One collective in the list: its slot, board, rank and score as of the proposal's date.</summary>
/// <param name="Rank">0 when the unit is on no board at that date (a committee choice may be).</param>
/// <param name="Tied">Shares the slot's last place with another unit: the selection still has to choose.</param>
public sealed record DossierCollective(
    string Unit,
    string Name,
    string Block,
    string BlockName,
    string? GroupName,
    string SlotName,
    bool ByCommittee,
    int Rank,
    decimal Score,
    bool Tied,
    long? Dossiers);

public sealed record DossierIndividual(string FullName, string Position, string Unit, string UnitName, string Achievement);

/// <summary>The Chairman's decision, once there is one.</summary>
public sealed record DossierDecision(string Number, DateOnly Date, string Signer);

/// <summary>A vote on one proposal at the selection meeting.</summary>
public sealed record MeetingVote(string Subject, int For, int Against, int Abstain);

/// <summary>The selection meeting, as its minutes record it.</summary>
public sealed record MeetingMinutes(
    DateTime At,
    string Place,
    string Chair,
    string Secretary,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<MeetingVote> Votes);

/// <summary>
/// Everything the dossier's documents print. Built from today's proposal as a draft; the optional
/// parts (the document number, the meeting, the decision) are blanks to fill until they are known.
/// </summary>
/// <param name="Number">The tờ trình's number once registered; null prints "Số: ……/TTr-…".</param>
/// <param name="IssuedOn">The date printed on the documents; null prints "ngày … tháng … năm …".</param>
public sealed record AwardDossier(
    DossierStatus Status,
    string CampaignName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly AsOf,
    long Version,
    DateOnly? Deadline,
    IReadOnlyList<DossierCollective> Collectives,
    IReadOnlyList<DossierIndividual> Individuals,
    string? Number = null,
    DateOnly? IssuedOn = null,
    MeetingMinutes? Meeting = null,
    DossierDecision? Decision = null)
{
    public bool IsDraft => Status == DossierStatus.Draft;
}
