using ThiDua.Dashboard.Components;
using ThiDua.Dashboard.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootSettingsFile(args);

builder.Services.AddCampaignRules(builder.Configuration);
builder.Services.AddDashboardUi();

var app = builder.Build();
app.MapDashboardUi();

app.Run();

public partial class Program;
