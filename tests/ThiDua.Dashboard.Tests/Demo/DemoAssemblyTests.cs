using System.Reflection;
using ThiDua.Dashboard.Demo;
using ThiDua.Demo;

namespace ThiDua.Dashboard.Tests.Demo;

/// <summary>The demo generator lives in its own assembly, reached only by the feed that <c>--demo</c> registers.</summary>
public sealed class DemoAssemblyTests
{
    private static readonly Assembly Production = typeof(Program).Assembly;

    [Fact]
    public void DashboardAssembly_HoldsNoDemoGeneratorType()
    {
        var generator = typeof(DemoCampaign).Assembly;

        Assert.Equal("ThiDua.Demo", generator.GetName().Name);
        Assert.NotEqual(Production, generator);
        // The generator's own types (not the attributes and closures the compiler adds to every assembly).
        var generatorTypes = generator.GetTypes().Where(t => t.Namespace == "ThiDua.Demo" && !t.Name.StartsWith('<')).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(nameof(DemoCampaign), generatorTypes);
        Assert.DoesNotContain(Production.GetTypes(), t => generatorTypes.Contains(t.Name));
    }

    [Fact]
    public void DashboardAssembly_OnlyTheDemoFeedTouchesTheGenerator()
    {
        var generator = typeof(DemoCampaign).Assembly;
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        var touching = Production.GetTypes()
            .Where(type => type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
                .SelectMany(Flatten)
                .Any(t => t.Assembly == generator))
            .Select(type => Outermost(type).FullName)
            .Distinct()
            .ToList();

        Assert.All(touching, name => Assert.Equal(typeof(DemoFeed).FullName, name));
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Append(type)
        : type.HasElementType ? Flatten(type.GetElementType()!).Append(type)
        : [type];

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
