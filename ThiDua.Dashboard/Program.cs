using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Components;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Dossier;
using ThiDua.Dashboard.Export;
using ThiDua.Dashboard.Import;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Metrics;
using ThiDua.Dashboard.Registrations;
using ThiDua.Dashboard.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootSettingsFile(args);

builder.Services.AddCampaignRules(builder.Configuration);
builder.Services.AddThiDuaStorage();
builder.Services.AddThiDuaLive(builder.Configuration);
builder.Services.AddThiDuaApi(builder.Configuration);
builder.Services.AddThiDuaAccounts(builder.Configuration);
builder.Services.AddFigureImport();
builder.Services.AddAwards();
builder.Services.AddRegistrations();
builder.Services.AddExports();
builder.Services.AddDossier(builder.Configuration);
builder.Services.AddDashboardUi();
ThiDua.Dashboard.Demo.DemoRegistration.AddDemo(builder.Services, builder.Configuration, args);
builder.Services.AddLeaderboardHub();
builder.Services.AddThiDuaMetrics();
builder.Services.AddCampaigns(builder.Configuration); // last: it hands the default campaign's services to the rest

var app = builder.Build();
await app.LoadThiDuaAsync();
await app.InitializeAccountsAsync();
await ThiDua.Dashboard.Demo.DemoRegistration.LoadDemoStateAsync(app);
app.UseApiErrorAnswers(); // again inside MapDashboardUi, see there
app.UseThiDuaAccess();
app.UseCampaignSelection();
app.UseThiDuaApi();
app.MapCampaignApi();
app.MapImportApi();
app.MapExportApi();
app.MapDossierApi();
app.MapRegistrationApi();
app.MapLeaderboardHub();
app.MapThiDuaMetrics();
app.MapDashboardUi();

app.Run();

public partial class Program;
