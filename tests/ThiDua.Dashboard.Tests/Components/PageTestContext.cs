using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Import;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Demo;
using ThiDua.Dashboard.Dossier;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Registrations;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Figures;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>
/// A bUnit context wired like the app: the root appsettings.json, a real SQLite file in a temp
/// folder (migrated and seeded with the Cần Thơ units), the engine loaded from it, the real
/// notifier, and figures sent through <see cref="FigureIngestion"/> so pages are pushed to for real.
/// The clock is fake and stands after the campaign, so every page defaults to its last day.
/// </summary>
public abstract class PageTestContext : BunitContext, IAsyncLifetime
{
    /// <summary>The default as-of date: the campaign's last day, since "today" is after it.</summary>
    protected static readonly DateOnly CampaignEnd = new(2024, 12, 14);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "thidua-component-tests", Guid.NewGuid().ToString("N"));

    protected PageTestContext() : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Settings on top of the root appsettings.json, e.g. <c>ThiDua:Display:StaleAfterDays</c>.</param>
    protected PageTestContext(IReadOnlyDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, SettingsFile.FileName), optional: false)
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:ThiDua"] = $"Data Source={Path.Combine(_folder, "thidua.db")}",
            })
            .Build();

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddLogging();
        Services.AddCampaignRules(configuration);
        Services.AddThiDuaStorage();
        Services.AddThiDuaLive(configuration);
        Services.AddMudServices();
        Services.AddAwards();
        Services.AddRegistrations();
        Services.AddDossier(configuration);
        Services.AddSingleton<DemoState>();
        Services.AddFigureImport();
        Services.AddScoped<CurrentUser>();
        // What /quan-tri reads and writes through (AddThiDuaAccounts would also bring cookies and data protection).
        Services.AddSingleton<UserStore>();
        Services.AddSingleton<ApiKeyStore>();
        Services.AddSingleton<ScreenLinkStore>();
        Services.AddSingleton<ScreenLinkService>();
        Services.AddSingleton<AccountService>();
        Services.AddSingleton<AccountQueries>();
        // Last, as in Program.cs: every page shows a campaign (?chien-dich=), the default one through the same services as before.
        Services.AddCampaigns(configuration);
        // Anonymous until a test signs someone in with Authorization.SetAuthorized(...).
        Authorization = AddAuthorization();
        // Last: it resolves the renderer, after which no service can be added.
        SetRendererInfo(new RendererInfo("Server", true));
    }

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7)));

    protected EngineHost Host => Services.GetRequiredService<EngineHost>();

    protected BunitAuthorizationContext Authorization { get; }

    protected LeaderboardNotifier Notifier => Services.GetRequiredService<LeaderboardNotifier>();

    /// <summary>Who listens to the default campaign's notifier besides the campaigns' own forwarding to the hub (always one).</summary>
    protected int PageSubscribers => Notifier.SubscriberCount - 1;

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    public async Task InitializeAsync()
    {
        await Services.InitializeThiDuaStorageAsync();
        // As the app starts: every active campaign's engine, the default's among them.
        await Services.GetRequiredService<CampaignEngines>().StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // MudBlazor's services are async-disposable only: the context must be disposed asynchronously.
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the test for it would hide the real result.
        }
    }

    /// <summary>
    /// Sends figures the one way the app takes them in. The fake clock first moves past the
    /// notifier's interval, so every submission is a leading-edge push, delivered at once.
    /// </summary>
    protected async Task SubmitAsync(params Figure[] figures)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        var result = await Services.GetRequiredService<FigureIngestion>().SubmitAsync(figures, "form", "test");
        Assert.Empty(result.Errors);
    }

    /// <summary>A popover provider beside the page, as the layout has: MudSelect and MudDatePicker need one.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : IComponent
    {
        Render<MudPopoverProvider>();
        return Render(parameters);
    }

    /// <summary>Waits until work queued on the renderer before this call (e.g. a live update) has run.</summary>
    protected static Task SettleAsync<TPage>(IRenderedComponent<TPage> page) where TPage : IComponent =>
        page.InvokeAsync(() => { });

    protected static Figure Dossiers(string unit, DateOnly asOf, long count) => new(unit, Figure.Dossiers, asOf, count, null);

    protected static Figure Rate(string unit, string indicator, DateOnly asOf, long numerator, long denominator) =>
        new(unit, indicator, asOf, numerator, denominator);

    /// <summary>Cell text without the line breaks and indentation of the markup.</summary>
    protected static string Text(AngleSharp.Dom.IElement element) =>
        string.Join(' ', element.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
