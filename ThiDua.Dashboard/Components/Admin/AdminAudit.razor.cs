using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>/quan-tri's audit trail: the latest 500 entries matching the filter, and the integrity check of its hash chain.</summary>
public sealed partial class AdminAudit
{
    [Inject] private IAuditTrail Audit { get; set; } = default!;
    [Inject] private EngineHost Host { get; set; } = default!;

    private AuditFilterModel Filter { get; set; } = new();
    private IReadOnlyList<AuditEntry> Entries { get; set; } = [];
    private AuditVerification? Verification { get; set; }

    private sealed class AuditFilterModel
    {
        public string? Actor { get; set; }
        public string? Kind { get; set; }
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
    }

    protected override async Task OnInitializedAsync() => await LoadAuditAsync();

    private async Task LoadAuditAsync() =>
        Entries = await Audit.QueryAsync(new AuditQuery(Filter.Actor, Filter.Kind, AdminText.Date(Filter.From), AdminText.Date(Filter.To), 500));

    private async Task VerifyAsync() => Verification = await Audit.VerifyAsync();

    private static string Change(AuditEntry entry) =>
        entry.BeforeJson is null ? entry.AfterJson ?? "" : $"{entry.BeforeJson} → {entry.AfterJson}";
}
