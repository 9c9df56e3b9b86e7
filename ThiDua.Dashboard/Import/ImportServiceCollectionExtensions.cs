namespace ThiDua.Dashboard.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>Registers <see cref="FigureImport"/>; it relies on the ingestion and live-engine services.</summary>
    public static IServiceCollection AddFigureImport(this IServiceCollection services)
    {
        // Stateless over singletons; scoped so it stays correct whatever lifetime ingestion is given.
        services.AddScoped<FigureImport>();
        return services;
    }
}
