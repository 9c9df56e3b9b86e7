using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>What became of a request to change a campaign.</summary>
public enum CampaignOutcome
{
    Done,
    NotFound,
    Invalid,
    CodeTaken,
    WrongState,
}

public sealed record CampaignResult(CampaignOutcome Outcome, CampaignRecord? Campaign, CampaignFindings Findings, string? Reason = null)
{
    public static CampaignResult Ok(CampaignRecord campaign, CampaignFindings? findings = null) => new(CampaignOutcome.Done, campaign, findings ?? None);

    public static CampaignResult Refused(CampaignOutcome outcome, string reason, CampaignRecord? campaign = null) => new(outcome, campaign, None, reason);

    internal static readonly CampaignFindings None = new([], []);
}

/// <summary>
/// The campaigns' life: list them, import or copy one as a draft, replace a draft's rules or units,
/// activate (after every check), close (read-only from then on) and choose the default. Every change
/// is stored first, with its audit entry in the same transaction, then the engines learn of it.
/// </summary>
public sealed class CampaignCatalog(CampaignStore store, CampaignEngines engines, IAuditTrail audit)
{
    public IReadOnlyList<CampaignRecord> List() => engines.Catalog;

    public CampaignRecord? Find(string code) => engines.Find(code);

    /// <summary>A campaign's own unit list; null for an unknown code.</summary>
    public async Task<IReadOnlyList<CampaignUnit>?> UnitsAsync(string code, CancellationToken cancellationToken = default) =>
        engines.Find(code) is { } campaign ? await store.UnitsAsync(campaign.Id, cancellationToken) : null;

    /// <summary>Checks a campaign and, unless <paramref name="dryRun"/>, stores it as a draft.</summary>
    public Task<CampaignResult> ImportAsync(CampaignDefinition definition, bool dryRun, WriteActor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(definition, dryRun, Entry(AuditKinds.CampaignCreate, actor, c => $"Nhập chiến dịch “{c.Code}” ({c.Name}) làm bản nháp"), cancellationToken);

    private async Task<CampaignResult> CreateAsync(CampaignDefinition definition, bool dryRun, AlsoInTransaction<CampaignRecord>? entry,
        CancellationToken cancellationToken)
    {
        var findings = CampaignFindings.Check(definition);
        if (!findings.IsValid) return new CampaignResult(CampaignOutcome.Invalid, null, findings);
        if (engines.Find(definition.Rules.Code) is { } existing)
            return CampaignResult.Refused(CampaignOutcome.CodeTaken, $"Đã có chiến dịch mã “{existing.Code}”: chọn mã khác.", existing);
        if (dryRun) return new CampaignResult(CampaignOutcome.Done, null, findings);
        var created = await store.CreateDraftAsync(definition, cancellationToken, entry);
        await engines.RefreshAsync(cancellationToken);
        return created is null
            ? CampaignResult.Refused(CampaignOutcome.CodeTaken, $"Đã có chiến dịch mã “{definition.Rules.Code}”: chọn mã khác.")
            : CampaignResult.Ok(created, findings);
    }

    /// <summary>Copies a campaign's rules and units into a new draft with its own code, name and period.</summary>
    public async Task<CampaignResult> CopyAsync(string from, string code, string? name, DateOnly periodStart, DateOnly periodEnd, WriteActor actor,
        CancellationToken cancellationToken = default)
    {
        if (engines.Find(from) is not { } source) return NotFound(from);
        var units = await store.UnitsAsync(source.Id, cancellationToken);
        var rules = source.Rules with { Code = code, Name = string.IsNullOrWhiteSpace(name) ? source.Rules.Name : name.Trim(), PeriodStart = periodStart, PeriodEnd = periodEnd };
        return await CreateAsync(new CampaignDefinition(rules, units), dryRun: false,
            Entry(AuditKinds.CampaignCopy, actor, c => $"Sao chép chiến dịch “{source.Code}” thành bản nháp “{c.Code}” ({c.Name})"), cancellationToken);
    }

    /// <summary>Replaces a draft's rules; the draft's code stays.</summary>
    public Task<CampaignResult> ReplaceRulesAsync(string code, CampaignRules rules, WriteActor actor, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(code, async draft =>
        {
            var units = await store.UnitsAsync(draft.Id, cancellationToken);
            var findings = CampaignFindings.Check(new CampaignDefinition(rules with { Code = draft.Code }, units));
            if (!findings.IsValid) return new CampaignResult(CampaignOutcome.Invalid, draft, findings);
            return CampaignResult.Ok((await store.ReplaceRulesAsync(code, rules, cancellationToken,
                Entry(AuditKinds.CampaignRules, actor, c => $"Thay quy định của chiến dịch nháp “{c.Code}”")))!, findings);
        }, cancellationToken);

    /// <summary>Replaces a draft's whole unit list.</summary>
    public Task<CampaignResult> ReplaceUnitsAsync(string code, IReadOnlyList<CampaignUnit> units, WriteActor actor, CancellationToken cancellationToken = default) =>
        ChangeDraftAsync(code, async draft =>
        {
            var findings = CampaignFindings.Check(new CampaignDefinition(draft.Rules, units));
            if (!findings.IsValid) return new CampaignResult(CampaignOutcome.Invalid, draft, findings);
            return CampaignResult.Ok((await store.ReplaceUnitsAsync(code, units, cancellationToken,
                Entry(AuditKinds.CampaignUnits, actor, c => $"Thay danh sách đơn vị của chiến dịch nháp “{c.Code}”: {units.Count} đơn vị")))!, findings);
        }, cancellationToken);

    /// <summary>Activates a draft after every check; its engine is built at once.</summary>
    public async Task<CampaignResult> ActivateAsync(string code, WriteActor actor, CancellationToken cancellationToken = default)
    {
        if (engines.Find(code) is not { } campaign) return NotFound(code);
        if (!campaign.IsDraft)
            return CampaignResult.Refused(CampaignOutcome.WrongState, $"Chỉ kích hoạt được chiến dịch nháp; “{code}” đang {StatusText(campaign.Status)}.", campaign);
        var units = await store.UnitsAsync(campaign.Id, cancellationToken);
        var findings = CampaignFindings.Check(new CampaignDefinition(campaign.Rules, units));
        // A draft may be stored without units (they come later, from a unit list); it cannot run without them.
        if (units.Count == 0)
            findings = findings with { Errors = [.. findings.Errors, new("units-missing", "units", "Chiến dịch chưa có đơn vị nào: nhập danh sách đơn vị trước khi kích hoạt.")] };
        if (!findings.IsValid) return new CampaignResult(CampaignOutcome.Invalid, campaign, findings);
        var active = await store.SetStatusAsync(code, CampaignStatus.Active, cancellationToken,
            Entry(AuditKinds.CampaignActivate, actor, c => $"Kích hoạt chiến dịch “{c.Code}” ({c.Name})"));
        await engines.RefreshAsync(cancellationToken);
        await engines.GetAsync(code, cancellationToken);
        return CampaignResult.Ok(active!, findings);
    }

    /// <summary>Closes an active campaign: from now on it is read-only everywhere, and its engine is dropped when idle.</summary>
    public async Task<CampaignResult> CloseAsync(string code, WriteActor actor, CancellationToken cancellationToken = default)
    {
        if (engines.Find(code) is not { } campaign) return NotFound(code);
        if (campaign.Status != CampaignStatus.Active)
            return CampaignResult.Refused(CampaignOutcome.WrongState, $"Chỉ kết thúc được chiến dịch đang chạy; “{code}” đang {StatusText(campaign.Status)}.", campaign);
        var closed = await store.SetStatusAsync(code, CampaignStatus.Closed, cancellationToken,
            Entry(AuditKinds.CampaignClose, actor, c => $"Kết thúc chiến dịch “{c.Code}” ({c.Name}): từ đó chỉ xem được"));
        await engines.RefreshAsync(cancellationToken);
        return CampaignResult.Ok(closed!);
    }

    /// <summary>Makes an active or closed campaign the default (what every page and endpoint shows without a choice).</summary>
    public async Task<CampaignResult> SetDefaultAsync(string code, WriteActor actor, CancellationToken cancellationToken = default)
    {
        if (engines.Find(code) is not { } campaign) return NotFound(code);
        if (campaign.IsDraft)
            return CampaignResult.Refused(CampaignOutcome.WrongState, $"Chiến dịch nháp “{code}” chưa thể là mặc định: kích hoạt trước.", campaign);
        var chosen = await store.SetDefaultAsync(code, cancellationToken,
            Entry(AuditKinds.CampaignDefault, actor, c => $"Đặt chiến dịch “{c.Code}” ({c.Name}) làm mặc định"));
        await engines.RefreshAsync(cancellationToken);
        return CampaignResult.Ok(chosen!);
    }

    public static string StatusText(string status) => status switch
    {
        CampaignStatus.Draft => "là bản nháp",
        CampaignStatus.Active => "chạy",
        _ => "đã kết thúc",
    };

    private async Task<CampaignResult> ChangeDraftAsync(string code, Func<CampaignRecord, Task<CampaignResult>> change, CancellationToken cancellationToken)
    {
        if (engines.Find(code) is not { } campaign) return NotFound(code);
        if (!campaign.IsDraft)
            return CampaignResult.Refused(CampaignOutcome.WrongState, $"Chỉ sửa được chiến dịch nháp; “{code}” đang {StatusText(campaign.Status)}.", campaign);
        var result = await change(campaign);
        await engines.RefreshAsync(cancellationToken);
        return result;
    }

    /// <summary>The audit entry of a change, written by the store in the change's transaction.</summary>
    private AlsoInTransaction<CampaignRecord>? Entry(string kind, WriteActor actor, Func<CampaignRecord, string> summary) =>
        audit.EntryFor<CampaignRecord>(c => new AuditRecord(kind, actor.Name, actor.Address, summary(c), $"campaign/{c.Code}",
            After: new { c.Code, c.Name, c.PeriodStart, c.PeriodEnd, c.Status, c.IsDefault }));

    private static CampaignResult NotFound(string code) => CampaignResult.Refused(CampaignOutcome.NotFound, $"Không có chiến dịch mã “{code}”.");
}
