using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using ThiDua.Dashboard.Storage;
using ThiDua.Dashboard.Tests.Api;

namespace ThiDua.Dashboard.Tests.CampaignCore;

/// <summary>A database of schema version 8 (before campaigns), with data, becomes the first campaign at the next start.</summary>
public sealed class CampaignMigrationTests
{
    [Fact]
    public async Task Migration0009_Version8DatabaseWithData_EverythingBecomesTheSettingsCampaign()
    {
        var file = ApiHost.NewDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT;");
            foreach (var script in MigrationScripts.All.Where(s => s.Version <= 8))
            {
                await connection.ExecuteAsync(script.Sql);
                await connection.ExecuteAsync("INSERT INTO schema_version VALUES (@Version, @Name, '2024-01-01T00:00:00.0000000Z');", new { script.Version, script.Name });
            }
            await connection.ExecuteAsync(
                """
                INSERT INTO units (code, name, block, district, active_to, merged_into, created_at, updated_at) VALUES
                  ('p-thoi-binh', 'Phường Thới Bình', 'phuong', 'Ninh Kiều', NULL, NULL, 'x', 'x'),
                  ('p-an-cu', 'Phường An Cư', 'phuong', 'Ninh Kiều', '2024-10-31', 'p-thoi-binh', 'x', 'x'),
                  ('so-xay-dung', 'Sở Xây dựng', 'so-nganh', NULL, NULL, NULL, 'x', 'x');
                INSERT INTO meta (key, value) VALUES ('units_seed', 'units-can-tho-2024.json 2024-01-01');
                UPDATE engine_state SET version = 1 WHERE id = 1;
                INSERT INTO batches (version, source, submitted_by, received_at, figure_count) VALUES (1, 'api', 'may-thu', '2024-06-30T01:00:00.0000000Z', 2);
                INSERT INTO figures (batch_id, unit, indicator, as_of, numerator, denominator, source, submitted_by, received_at) VALUES
                  (1, 'p-thoi-binh', 'dossiers', '2024-06-30', 4000, NULL, 'api', 'may-thu', '2024-06-30T01:00:00.0000000Z'),
                  (1, 'p-thoi-binh', 'a', '2024-06-30', 9, 10, 'api', 'may-thu', '2024-06-30T01:00:00.0000000Z');
                INSERT INTO committee_nominations (block, slot, unit, action, reason, submitted_by, recorded_at)
                  VALUES ('so-nganh', 'tham-muu', 'so-xay-dung', 'nominate', 'Tham mưu tốt', 'admin', '2024-07-01T00:00:00.0000000Z');
                INSERT INTO registrations (unit, document_number, document_date, submitted_on, submitted_by, recorded_at)
                  VALUES ('p-thoi-binh', '12/TB', '2024-03-01', '2024-03-02', 'bien-tap', '2024-03-02T00:00:00.0000000Z');
                INSERT INTO city_ratings (rating, source, recorded_by, recorded_at) VALUES ('tot', 'QĐ 1', 'admin', '2024-07-01T00:00:00.0000000Z');
                """);
        }

        await using var host = new CampaignApiHost(file);

        var campaigns = await host.GetJsonAsync("api/v1/campaigns");
        var only = Assert.Single(campaigns.EnumerateArray());
        Assert.Equal(CampaignApiHost.DefaultCode, only.GetProperty("code").GetString());
        Assert.Equal("active", only.GetProperty("status").GetString());
        Assert.True(only.GetProperty("isDefault").GetBoolean());

        var figures = await host.GetJsonAsync("api/v1/units/p-thoi-binh/figures");
        Assert.Equal(2, figures.GetProperty("figures").GetArrayLength());
        var registrations = await host.Admin.GetStringAsync("api/v1/registrations");
        Assert.Contains("12/TB", registrations);
        var campaign = await host.GetJsonAsync("api/v1/campaign");
        Assert.Equal("tot", campaign.GetProperty("cityRating").GetString());
        Assert.Equal(3, (await host.GetJsonAsync($"api/v1/units?campaign={CampaignApiHost.DefaultCode}")).GetArrayLength());

        // The global version goes on from where it was.
        var version = await host.PostFiguresAsync(null, CampaignApiHost.Figure("so-xay-dung", "dossiers", 10, null, "2024-06-30"));
        Assert.Equal(2, version);

        await using var check = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await check.OpenAsync();
        Assert.Equal((long)MigrationScripts.All.Count, await check.ExecuteScalarAsync<long>("SELECT max(version) FROM schema_version;"));
        Assert.Equal(0L, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM units WHERE campaign_id <> 1;"));
        Assert.Equal("p-an-cu", await check.ExecuteScalarAsync<string>("SELECT predecessor FROM unit_predecessors WHERE campaign_id = 1 AND unit = 'p-thoi-binh';"));
        Assert.Equal(1L, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM committee_nominations WHERE campaign_id = 1;"));
        Assert.Equal(2L, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM batches WHERE campaign_id = 1;"));
        Assert.Empty(await check.QueryAsync("PRAGMA foreign_key_check;"));
    }
}
