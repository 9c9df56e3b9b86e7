namespace ThiDua.Dashboard.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ExportService"/>; it relies on the live engine's <c>EngineHost</c> and the <c>TimeProvider</c>.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton<ExportService>();
        return services;
    }
}
