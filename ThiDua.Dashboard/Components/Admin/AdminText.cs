using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>How the admin tabs write times, scopes and the unit list, so every tab says them alike.</summary>
internal static class AdminText
{
    /// <summary>An instant as the campaign's wall clock shows it; empty when there is none.</summary>
    public static string Local(EngineHost host, DateTimeOffset? at) =>
        at is { } value ? host.CampaignTime(value).ToString("HH:mm:ss dd/MM/yyyy", Vi.Culture) : "";

    /// <summary>A date picker's value as the day it shows.</summary>
    public static DateOnly? Date(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>Every unit by name, for pickers and the unit table.</summary>
    public static IReadOnlyList<UnitInfo> AllUnits(EngineHost host) => [.. host.Engine.Units.OrderBy(u => u.Name, Vi.Collation)];

    /// <summary>A scope as people read it: units counted per district ("Ninh Kiều: 12 đơn vị"), not a list of codes.</summary>
    public static string ScopeText(EngineHost host, UnitScope scope)
    {
        if (scope.IsAll) return "tất cả";
        var units = scope.Units.Select(code => host.Engine.Unit(code)).OfType<UnitInfo>().ToList();
        return string.Join("; ", units.GroupBy(u => u.District ?? "Sở, ngành")
            .OrderBy(g => g.Key, Vi.Collation)
            .Select(g => $"{g.Key}: {g.Count()} đơn vị"));
    }

    /// <summary>Every unit of a scope by name, for the cell's tooltip.</summary>
    public static string ScopeNames(EngineHost host, UnitScope scope) =>
        scope.IsAll ? "tất cả đơn vị" : string.Join(", ", scope.Units.Select(code => host.Engine.Unit(code)?.Name ?? code).OrderBy(n => n, Vi.Collation));
}
