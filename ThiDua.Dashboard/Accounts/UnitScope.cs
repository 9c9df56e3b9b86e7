using System.Text.Json;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Accounts;

/// <summary>The units a user or key may write: all of them, or a fixed set of unit codes.</summary>
public sealed class UnitScope
{
    private readonly HashSet<string>? _units;

    private UnitScope(HashSet<string>? units) => _units = units;

    /// <summary>Every unit (admins, configuration keys, the system).</summary>
    public static UnitScope All { get; } = new(null);

    public static UnitScope Of(IEnumerable<string> units) =>
        new(new HashSet<string>(units.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()), StringComparer.Ordinal));

    public bool IsAll => _units is null;

    /// <summary>The unit codes, sorted; empty for <see cref="All"/>.</summary>
    public IReadOnlyList<string> Units => _units is null ? [] : [.. _units.Order(StringComparer.Ordinal)];

    public bool Allows(string unit) => _units is null || _units.Contains(unit);

    /// <summary>The distinct units among these that the scope does not allow, sorted.</summary>
    public IReadOnlyList<string> Outside(IEnumerable<string> units) =>
        _units is null ? [] : [.. units.Where(u => !_units.Contains(u)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Stored form: null for all units, else a JSON array.</summary>
    public string? ToJson() => _units is null ? null : JsonSerializer.Serialize(Units);

    public static UnitScope FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? All : Of(JsonSerializer.Deserialize<List<string>>(json) ?? []);

    public override string ToString() => _units is null ? "tất cả đơn vị" : string.Join(", ", Units);
}

/// <summary>
/// Thrown when a write names a unit outside the writer's scope; nothing of the write was stored. Its message
/// is the one the API answers (403) and the pages show, so every way in refuses in the same words.
/// </summary>
public sealed class UnitScopeException(IReadOnlyList<string> units) : InvalidOperationException(Explain(units))
{
    /// <summary>The units refused, as they came in (shortened like every echo of input).</summary>
    public IReadOnlyList<string> Units { get; } = [.. units.Select(Echo.Input)];

    private static string Explain(IReadOnlyList<string> units) =>
        $"Khóa hoặc tài khoản này chỉ được ghi số liệu cho các đơn vị được giao; không được ghi cho: {string.Join(", ", units.Select(Echo.Input))}. Không dòng nào được lưu.";
}

/// <summary>Who writes, from where, and which units they may touch: what ingestion checks and audits.</summary>
/// <param name="Name">The user name or the API key's name (stored as "by" with every figure).</param>
/// <param name="Address">The client's IP address, when known.</param>
public sealed record WriteActor(string Name, string? Address, UnitScope Scope)
{
    /// <summary>A writer trusted with every unit (configuration keys, the demo feed, the system).</summary>
    public static WriteActor Trusted(string name, string? address = null) => new(name, address, UnitScope.All);
}
