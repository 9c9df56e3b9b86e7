using ThiDua.Dashboard.Api;
using ThiDua.Dashboard.Components;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootSettingsFile(args);

builder.Services.AddCampaignRules(builder.Configuration);
builder.Services.AddThiDuaStorage();
builder.Services.AddThiDuaLive(builder.Configuration);
builder.Services.AddThiDuaApi(builder.Configuration);
builder.Services.AddDashboardUi();
builder.Services.AddLeaderboardHub();

var app = builder.Build();
await app.LoadThiDuaAsync();
app.UseThiDuaApi();
app.MapLeaderboardHub();
app.MapDashboardUi();

app.Run();

public partial class Program;
