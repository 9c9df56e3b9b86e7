using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>/quan-tri's API keys: create one (the secret shown once, only its hash kept), revoke one.</summary>
public sealed partial class AdminApiKeys
{
    [Inject] private AccountService Accounts { get; set; } = default!;
    [Inject] private AccountQueries AccountQueries { get; set; } = default!;
    [Inject] private EngineHost Host { get; set; } = default!;

    /// <summary>The signed-in admin the changes are audited under.</summary>
    [Parameter, EditorRequired] public AccountActor Actor { get; set; } = default!;

    /// <summary>Hands the page a new key to show once.</summary>
    [Parameter] public EventCallback<(string Label, string Secret)> ShowSecret { get; set; }

    private IReadOnlyList<StoredApiKey> Keys { get; set; } = [];
    private KeyFormModel KeyForm { get; set; } = new();

    private IReadOnlyList<UnitInfo> AllUnits => AdminText.AllUnits(Host);

    private sealed class KeyFormModel
    {
        public string Name { get; set; } = "";
        public bool AllUnits { get; set; } = true;
        public bool IsAdmin { get; set; }
        public HashSet<string> Units { get; set; } = [];
    }

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync() => Keys = await AccountQueries.ApiKeysAsync();

    private async Task CreateKeyAsync()
    {
        var scope = KeyForm.AllUnits ? UnitScope.All : UnitScope.Of(KeyForm.Units);
        if (!scope.IsAll && scope.Units.Count == 0)
        {
            await Show(Severity.Error, "Chọn ít nhất một đơn vị, hoặc đánh dấu “Mọi đơn vị”.");
            return;
        }
        var (key, secret, problem) = await Accounts.CreateKeyAsync(KeyForm.Name, scope, KeyForm.IsAdmin, Actor);
        if (problem is not null)
        {
            await Show(Severity.Error, problem);
            return;
        }
        await ShowSecret.InvokeAsync(($"Khóa API {key!.Name}:", secret!));
        await Show(Severity.Success, $"Đã tạo khóa {key.Name}. Hệ thống chỉ lưu mã băm của khóa.");
        KeyForm = new KeyFormModel();
        await ReloadAsync();
    }

    private async Task RevokeKeyAsync(StoredApiKey key)
    {
        var (revoked, problem) = await Accounts.RevokeKeyAsync(key.Id, Actor);
        if (revoked is not null) await Show(Severity.Success, $"Đã thu hồi khóa {key.Name}.");
        else await Show(Severity.Error, problem + $" Khóa {key.Name} vẫn còn hiệu lực.");
        await ReloadAsync();
    }
}
