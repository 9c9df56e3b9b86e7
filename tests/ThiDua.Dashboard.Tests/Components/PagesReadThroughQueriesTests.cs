using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Components.Controls;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>
/// Pages read through query services and write through the services, never a repository or a store:
/// no component under Components/ injects one (checked on the compiled components and on the sources'
/// <c>@inject</c> lines).
/// </summary>
public sealed partial class PagesReadThroughQueriesTests
{
    private static bool IsStorage(Type type) =>
        type.Name.EndsWith("Repository", StringComparison.Ordinal)
        || type.Name.EndsWith("Store", StringComparison.Ordinal)
        || type.Namespace == "ThiDua.Dashboard.Storage";

    [Fact]
    public void Components_InjectedServices_NoRepositoryOrStore()
    {
        // Arrange
        var components = typeof(LiveComponent).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.Namespace?.StartsWith("ThiDua.Dashboard.Components", StringComparison.Ordinal) == true)
            .ToList();

        // Act
        var offending = components
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && IsStorage(p.PropertyType))
                .Select(p => $"{t.Name}.{p.Name}: {p.PropertyType.Name}"))
            .ToList();

        // Assert: the scan saw the pages at all, and none of them reaches storage.
        Assert.Contains(components, t => t.Name == "Admin");
        Assert.Empty(offending);
    }

    [Fact]
    public void ComponentSources_InjectLines_NoRepositoryOrStore()
    {
        // Arrange
        var root = Path.Combine(Hosting.SettingsFileTests.RepositoryRoot(), "ThiDua.Dashboard", "Components");
        var files = Directory.EnumerateFiles(root, "*.razor", SearchOption.AllDirectories);

        // Act
        var offending = files
            .SelectMany(f => File.ReadLines(f).Select(line => (File: f, Match: InjectLine().Match(line))))
            .Where(x => x.Match.Success && (x.Match.Groups["type"].Value.EndsWith("Repository", StringComparison.Ordinal)
                || x.Match.Groups["type"].Value.EndsWith("Store", StringComparison.Ordinal)
                || x.Match.Groups["type"].Value.Contains("Storage.", StringComparison.Ordinal)))
            .Select(x => $"{Path.GetFileName(x.File)}: {x.Match.Value}")
            .ToList();

        // Assert
        Assert.Empty(offending);
    }

    [GeneratedRegex(@"^\s*@inject\s+(?<type>[\w.<>]+)")]
    private static partial Regex InjectLine();
}
