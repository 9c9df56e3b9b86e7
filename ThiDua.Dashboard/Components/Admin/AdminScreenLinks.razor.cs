using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>/quan-tri's screen links: a read-only sign-in link for a meeting-room PC, shown once; revoke one.</summary>
public sealed partial class AdminScreenLinks
{
    [Inject] private ScreenLinkService ScreenLinkService { get; set; } = default!;
    [Inject] private AccountQueries AccountQueries { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private EngineHost Host { get; set; } = default!;

    /// <summary>The signed-in admin the changes are audited under.</summary>
    [Parameter, EditorRequired] public AccountActor Actor { get; set; } = default!;

    private IReadOnlyList<StoredScreenLink> ScreenLinks { get; set; } = [];
    private string ScreenName { get; set; } = "";
    private string? NewScreenLink { get; set; }
    private string NewScreenName { get; set; } = "";

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync() => ScreenLinks = await AccountQueries.ScreenLinksAsync();

    private async Task CreateScreenLinkAsync()
    {
        var (link, token, problem) = await ScreenLinkService.CreateAsync(ScreenName, Actor);
        if (problem is not null)
        {
            await Show(Severity.Error, problem);
            return;
        }
        NewScreenLink = ScreenLinkService.LinkOf(Navigation.BaseUri, token!);
        NewScreenName = link!.Name;
        await Show(Severity.Success, $"Đã tạo liên kết màn hình {link.Name}.");
        ScreenName = "";
        await ReloadAsync();
    }

    private async Task RevokeScreenLinkAsync(StoredScreenLink link)
    {
        try
        {
            if (await ScreenLinkService.RevokeAsync(link.Id, Actor))
                await Show(Severity.Success, $"Đã thu hồi liên kết màn hình {link.Name}; máy đang dùng liên kết này sẽ phải đăng nhập lại.");
        }
        catch (AuditWriteException)
        {
            await Show(Severity.Error, AuditWriteException.UserMessage + $" Liên kết {link.Name} vẫn còn hiệu lực.");
        }
        await ReloadAsync();
    }
}
