using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Components.Layout;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>
/// What a page shows once its circuit's sign-in no longer holds (the provider made it anonymous):
/// a message instead of the data when anonymous reading is off, the data rebuilt for a visitor and
/// a notice when it is on.
/// </summary>
public sealed class AccessWatchTests : BunitContext, IAsyncLifetime
{
    private readonly AccessOptions _access = new();
    private readonly BunitAuthorizationContext _authorization;
    private int _builds;

    public AccessWatchTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IOptionsMonitor<AccessOptions>>(new FixedOptions(_access));
        _authorization = AddAuthorization();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void AccessWatch_ScreenLinkRevokedAnonymousReadOff_ReplacesTheBoardWithTheMessage()
    {
        // Arrange
        _access.AnonymousRead = false;
        SignInAsScreen();
        var watch = RenderWatch();
        Assert.NotNull(watch.Find("[data-testid=board]"));

        // Act
        _authorization.SetNotAuthorized();

        // Assert
        watch.WaitForAssertion(() => Assert.Contains("Liên kết màn hình này đã bị thu hồi.", watch.Find("[data-testid=access-lost]").TextContent));
        Assert.Contains("Liên hệ quản trị viên để được cấp liên kết mới.", watch.Find("[data-testid=access-lost]").TextContent);
        Assert.Empty(watch.FindAll("[data-testid=board]"));
        Assert.Empty(watch.FindAll("[data-testid=access-reload]"));
    }

    [Fact]
    public void AccessWatch_ScreenLinkRevokedAnonymousReadOn_RebuildsTheBoardWithANotice()
    {
        // Arrange
        _access.AnonymousRead = true;
        SignInAsScreen();
        var watch = RenderWatch();

        // Act
        _authorization.SetNotAuthorized();

        // Assert
        watch.WaitForAssertion(() => Assert.Contains("trang chỉ còn hiển thị số liệu công khai", watch.Find("[data-testid=access-notice]").TextContent));
        Assert.NotNull(watch.Find("[data-testid=board]"));
        Assert.Empty(watch.FindAll("[data-testid=access-lost]"));
        Assert.Equal(2, _builds);
    }

    [Fact]
    public void AccessWatch_UserDisabledAnonymousReadOff_OffersToSignInAgainWithAFullLoad()
    {
        // Arrange
        _access.AnonymousRead = false;
        _authorization.SetAuthorized("can-bo-nhap-lieu").SetRoles(Roles.Editor).SetClaims(new Claim(AccountClaims.UserId, "3"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/bang-xep-hang/phuong");
        var watch = RenderWatch();

        // Act
        _authorization.SetNotAuthorized();
        watch.WaitForAssertion(() => Assert.Contains("Phiên đăng nhập của bạn không còn hiệu lực.", watch.Find("[data-testid=access-lost]").TextContent));
        watch.Find("[data-testid=access-reload]").Click();

        // Assert
        Assert.Empty(watch.FindAll("[data-testid=board]"));
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var last = navigation.History.First();
        Assert.EndsWith("/bang-xep-hang/phuong", last.Uri);
        Assert.True(last.Options.ForceLoad);
    }

    [Fact]
    public void AccessWatch_AnonymousFromTheStart_ShowsTheBoardAndNoNotice()
    {
        // Arrange
        _access.AnonymousRead = false;

        // Act
        var watch = RenderWatch();

        // Assert
        Assert.NotNull(watch.Find("[data-testid=board]"));
        Assert.Empty(watch.FindAll("[data-testid=access-lost]"));
        Assert.Empty(watch.FindAll("[data-testid=access-notice]"));
    }

    private void SignInAsScreen() =>
        _authorization.SetAuthorized("Màn hình: Hội trường").SetRoles(Roles.Viewer).SetClaims(new Claim(AccountClaims.ScreenLink, "7"));

    private IRenderedComponent<AccessWatch> RenderWatch() =>
        Render<AccessWatch>(p => p.AddChildContent<Board>(b => b.Add(x => x.OnBuilt, () => _builds++)));

    /// <summary>Stands for a page: counts how often it is built.</summary>
    private sealed class Board : ComponentBase
    {
        [Parameter] public Action? OnBuilt { get; set; }

        protected override void OnInitialized() => OnBuilt?.Invoke();

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "board");
            builder.AddContent(2, "Bảng xếp hạng");
            builder.CloseElement();
        }
    }

    private sealed class FixedOptions(AccessOptions value) : IOptionsMonitor<AccessOptions>
    {
        public AccessOptions CurrentValue => value;

        public AccessOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AccessOptions, string?> listener) => null;
    }
}
