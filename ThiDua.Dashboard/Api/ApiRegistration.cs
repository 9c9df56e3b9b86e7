using System.Text.Json;
using System.Text.Json.Serialization;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Ingestion;

namespace ThiDua.Dashboard.Api;

public static class ApiRegistration
{
    /// <summary>JSON in camelCase with enum values as camelCase strings (rate, noData, exclude, committee…).</summary>
    public static IServiceCollection AddThiDuaApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer<OpenApiDescription>());
        services.AddValidatedOptions<IngestOptions, IngestOptionsValidation>(configuration, IngestOptions.SectionName);
        services.AddSingleton<ApiKeys>();
        return services;
    }

    /// <summary>The API and its description; its errors are answered by <see cref="ApiErrorAnswers"/>.</summary>
    public static WebApplication UseThiDuaApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapThiDuaApi();
        return app;
    }
}
