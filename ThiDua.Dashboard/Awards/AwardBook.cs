using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Awards;

/// <summary>An individual with what the page needs to judge the entry today.</summary>
/// <param name="UnitHoldsAward">The unit holds a collective award in the proposal this was checked against.</param>
public sealed record IndividualView(AwardIndividual Individual, string UnitName, bool UnitHoldsAward);

/// <summary>
/// The award proposal as the committee sees it: the engine's rank slots plus the committee's own
/// decisions (nominations for committee slots, the individuals), with the plan's conditions
/// checked here so the page and the API say the same thing.
/// </summary>
public sealed class AwardBook(EngineHost host, AwardRepository awards, CityRatingRepository cityRatings, IAuditTrail audit, LeaderboardNotifier notifier, TimeProvider time)
{
    /// <summary>The plan: "Tặng Bằng khen cho 10 cá nhân".</summary>
    public const int IndividualLimit = 10;

    private readonly SemaphoreSlim _write = new(1, 1);

    /// <summary>The proposal as of a date, committee slots holding the current nominations (the engine holds them).</summary>
    public Task<AwardProposal> ProposalAsync(DateOnly asOf, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.Engine.Awards(asOf));

    /// <summary>Units holding a collective award in a proposal (by rank or by the committee).</summary>
    public static IReadOnlySet<string> CollectiveHolders(AwardProposal proposal) =>
        proposal.Slots.SelectMany(s => s.Proposed).Select(p => p.Unit).ToHashSet();

    public Task<IReadOnlyList<Nomination>> NominationsAsync(CancellationToken cancellationToken = default) =>
        awards.CurrentNominationsAsync(cancellationToken);

    /// <summary>The listed individuals, each checked against <paramref name="proposal"/>.</summary>
    public async Task<IReadOnlyList<IndividualView>> IndividualsAsync(AwardProposal proposal, CancellationToken cancellationToken = default)
    {
        var holders = CollectiveHolders(proposal);
        var listed = await awards.IndividualsAsync(cancellationToken);
        return [.. listed.Select(i => new IndividualView(i, host.Engine.Unit(i.Unit)?.Name ?? i.Unit, holders.Contains(i.Unit)))];
    }

    /// <summary>Nominates a unit for a committee slot.</summary>
    /// <returns>Done, or the Vietnamese reasons it was refused (the audit trail's message when its entry could not be written: then nothing is stored).</returns>
    public async Task<Outcome> NominateAsync(string block, string slot, string unit, string reason, string by, string? address = null, CancellationToken cancellationToken = default)
    {
        var rules = host.Campaign.Block(block)?.CommitteeSlots.FirstOrDefault(s => s.Code == slot);
        var info = host.Engine.Unit(unit);
        var errors = new List<string>();
        if (rules is null) errors.Add($"Khối “{block}” không có suất khen mã “{slot}” do {Wording.ReviewChain.BySelection}.");
        if (info is null) errors.Add($"Không có đơn vị mã “{unit}”.");
        else if (info.Block != block) errors.Add($"{info.Name} không thuộc khối được xét cho suất này.");
        // The slot cannot be awarded at all while its condition on the city's 766 classification fails.
        if (rules is not null && CityRatingCondition.Of(rules, host.Engine.Decisions.CityRating) is { Met: false } condition)
            errors.Add(condition.Text);
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("Cần ghi lý do đề cử.");
        // The plan's standard (registration before the deadline, the NQ 02 criteria) holds for every
        // collective award, the committee's included.
        else if (info is not null && host.Engine.Report(unit, host.DefaultAsOf()) is { AwardIneligibility.Count: > 0 } report)
            errors.AddRange(report.AwardIneligibility.Select(r => $"{info.Name} chưa đủ điều kiện khen thưởng: {r}"));
        if (errors.Count > 0) return Outcome.Refused(errors);

        await _write.WaitAsync(cancellationToken);
        try
        {
            var current = (await awards.CurrentNominationsAsync(cancellationToken)).Where(n => n.Block == block && n.Slot == slot).ToList();
            if (current.Any(n => n.Unit == unit)) return Outcome.Refused($"{info!.Name} đã được đề cử cho suất này.");
            if (current.Count >= rules!.Count)
                return Outcome.Refused($"Suất “{rules.Name}” chỉ có {Vi.Count(rules.Count)} đơn vị; rút một đề cử trước khi đề cử đơn vị khác.");
            // The nomination and its audit entry are one transaction.
            await awards.RecordNominationAsync(block, slot, unit, nominate: true, reason.Trim(), by, time.GetUtcNow(), cancellationToken,
                audit.EntryFor<long>(_ => new AuditRecord(AuditKinds.Nomination, by, address,
                    $"Đề cử {info!.Name} cho suất “{rules.Name}”", $"{block}/{slot}", Before: null, After: new { unit, reason = reason.Trim() })));
            await host.RefreshDecisionsAsync(CancellationToken.None);
        }
        catch (AuditWriteException)
        {
            return Outcome.Refused(AuditWriteException.UserMessage);
        }
        catch (System.Data.Common.DbException closed) when (ClosedCampaignWrite.Is(closed))
        {
            return Outcome.Refused(ClosedCampaignWrite.Message);
        }
        finally
        {
            _write.Release();
        }
        Notify();
        return Outcome.Ok;
    }

    /// <summary>Withdraws a nomination, with the reason on record.</summary>
    /// <returns>Done, or the Vietnamese reasons it was refused (as for <see cref="NominateAsync"/>).</returns>
    public async Task<Outcome> WithdrawAsync(string block, string slot, string unit, string reason, string by, string? address = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Outcome.Refused("Cần ghi lý do rút đề cử.");
        await _write.WaitAsync(cancellationToken);
        try
        {
            var current = await awards.CurrentNominationsAsync(cancellationToken);
            if (!current.Any(n => n.Block == block && n.Slot == slot && n.Unit == unit)) return Outcome.Refused("Đơn vị này không đang được đề cử cho suất này.");
            await awards.RecordNominationAsync(block, slot, unit, nominate: false, reason.Trim(), by, time.GetUtcNow(), cancellationToken,
                audit.EntryFor<long>(_ => new AuditRecord(AuditKinds.Nomination, by, address,
                    $"Rút đề cử {host.Engine.Unit(unit)?.Name ?? unit} khỏi suất {block}/{slot}", $"{block}/{slot}", Before: new { unit }, After: new { withdrawn = unit, reason = reason.Trim() })));
            await host.RefreshDecisionsAsync(CancellationToken.None);
        }
        catch (AuditWriteException)
        {
            return Outcome.Refused(AuditWriteException.UserMessage);
        }
        catch (System.Data.Common.DbException closed) when (ClosedCampaignWrite.Is(closed))
        {
            return Outcome.Refused(ClosedCampaignWrite.Message);
        }
        finally
        {
            _write.Release();
        }
        Notify();
        return Outcome.Ok;
    }

    /// <summary>The city's recorded Bộ chỉ số 766 classification, with its source.</summary>
    public Task<CityRatingRecord> CityRatingAsync(CancellationToken cancellationToken = default) => cityRatings.CurrentAsync(cancellationToken);

    /// <summary>Records (or clears, with null) the city's 766 classification; committee slots that depend on it follow at once.</summary>
    /// <returns>The rating as recorded, or why not (the audit trail's message when its entry could not be written: then nothing is stored).</returns>
    public async Task<Outcome<CityRatingRecord>> SetCityRatingAsync(CityRating? rating, string? source, string by, string? address = null, CancellationToken cancellationToken = default)
    {
        CityRatingRecord recorded;
        await _write.WaitAsync(cancellationToken);
        try
        {
            var before = await cityRatings.CurrentAsync(cancellationToken);
            // The rating and its audit entry are one transaction.
            recorded = await cityRatings.RecordAsync(rating, source, by, time.GetUtcNow(), CancellationToken.None,
                audit.EntryFor<CityRatingRecord>(r => new AuditRecord(AuditKinds.CityRating, by, address,
                    $"Xếp loại Bộ chỉ số 766 của thành phố: {(r.Rating is { } v ? Vi.Rating(v) : "chưa ghi nhận")}", "city-rating",
                    Before: new { rating = CityRatingText.Format(before.Rating), source = before.Source },
                    After: new { rating = CityRatingText.Format(r.Rating), source = r.Source })));
            await host.RefreshDecisionsAsync(CancellationToken.None);
        }
        catch (AuditWriteException)
        {
            return Outcome<CityRatingRecord>.Refused(AuditWriteException.UserMessage);
        }
        catch (System.Data.Common.DbException closed) when (ClosedCampaignWrite.Is(closed))
        {
            return Outcome<CityRatingRecord>.Refused(ClosedCampaignWrite.Message);
        }
        finally
        {
            _write.Release();
        }
        Notify();
        return Outcome<CityRatingRecord>.Made(recorded);
    }

    /// <summary>Adds an individual; the unit must hold a collective award in the live proposal.</summary>
    /// <returns>The new individual's id, or the Vietnamese reasons it was refused (as for <see cref="NominateAsync"/>).</returns>
    public async Task<Outcome<long>> AddIndividualAsync(string fullName, string position, string unit, string? duty, string achievement, string by,
        string? address = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(fullName)) errors.Add("Cần ghi họ và tên.");
        if (string.IsNullOrWhiteSpace(position)) errors.Add("Cần ghi chức vụ.");
        // The plan (IV.2): only staff of the one-stop desk or officers controlling administrative procedures.
        if (!IndividualDuty.IsKnown(duty))
            errors.Add("Chọn nhiệm vụ: chỉ cá nhân làm việc tại Bộ phận Một cửa hoặc làm công tác kiểm soát thủ tục hành chính được đề nghị khen thưởng.");
        if (string.IsNullOrWhiteSpace(achievement)) errors.Add("Cần ghi tóm tắt thành tích.");
        else if (achievement.Length > 1000) errors.Add("Tóm tắt thành tích dài quá 1.000 ký tự.");
        var info = host.Engine.Unit(unit);
        if (info is null) errors.Add("Chọn đơn vị công tác.");
        else if (!CollectiveHolders(await ProposalAsync(host.DefaultAsOf(), cancellationToken)).Contains(unit))
            errors.Add($"{info.Name} không có trong đề xuất khen tập thể hiện tại; cá nhân chỉ được chọn từ đơn vị được đề xuất Bằng khen tập thể.");
        if (errors.Count > 0) return Outcome<long>.Refused(errors);

        long? id;
        try
        {
            // The individual and its audit entry are one transaction.
            id = await awards.AddIndividualAsync(fullName.Trim(), position.Trim(), unit, duty!, achievement.Trim(), by, time.GetUtcNow(), IndividualLimit, cancellationToken,
                audit.EntryFor<long>(newId => new AuditRecord(AuditKinds.AwardIndividual, by, address, $"Thêm cá nhân {fullName.Trim()} ({info!.Name})",
                    $"individual/{newId}", Before: null, After: new { fullName = fullName.Trim(), position = position.Trim(), unit, duty, achievement = achievement.Trim() })));
        }
        catch (AuditWriteException)
        {
            return Outcome<long>.Refused(AuditWriteException.UserMessage);
        }
        catch (System.Data.Common.DbException closed) when (ClosedCampaignWrite.Is(closed))
        {
            return Outcome<long>.Refused(ClosedCampaignWrite.Message);
        }
        if (id is not { } added) return Outcome<long>.Refused($"Đã đủ {IndividualLimit} cá nhân; bỏ một người trước khi thêm.");
        Notify();
        return Outcome<long>.Made(added);
    }

    /// <returns>The individual as removed, or why not (no such listed individual; the audit trail's message when its
    /// entry could not be written: then the individual stays listed).</returns>
    public async Task<Outcome<AwardIndividual>> RemoveIndividualAsync(long id, string by, string? address = null, CancellationToken cancellationToken = default)
    {
        AwardIndividual? removed;
        try
        {
            // The removal and its audit entry are one transaction; the entry describes the row as the removal found it.
            removed = await awards.RemoveIndividualAsync(id, by, time.GetUtcNow(), cancellationToken,
                audit.EntryFor<AwardIndividual>(person => new AuditRecord(AuditKinds.AwardIndividual, by, address, $"Bỏ cá nhân {person.FullName}",
                    $"individual/{id}", Before: new { person.FullName, person.Position, person.Unit, person.Achievement }, After: null)));
        }
        catch (AuditWriteException)
        {
            return Outcome<AwardIndividual>.Refused(AuditWriteException.UserMessage + " Cá nhân này vẫn có trong danh sách.");
        }
        if (removed is null) return Outcome<AwardIndividual>.Refused("Không có cá nhân này trong danh sách.");
        Notify();
        return Outcome<AwardIndividual>.Made(removed);
    }

    /// <summary>After the commit: pages hear of decisions through the notifier, which keeps a listener's failure away from this writer.</summary>
    private void Notify() => notifier.PublishDecisions();
}
