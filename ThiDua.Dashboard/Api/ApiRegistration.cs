using System.Text.Json;
using System.Text.Json.Serialization;
using ThiDua.Dashboard.Audit;
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
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // A change refused because its audit entry could not be written: still a 500, but one
            // that says in Vietnamese that nothing was stored.
            if (context.Exception is AuditWriteException)
            {
                context.ProblemDetails.Title = "Không lưu được thay đổi";
                context.ProblemDetails.Detail = AuditWriteException.UserMessage;
            }
        });
        services.AddOpenApi();
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.SectionName));
        services.AddSingleton<ApiKeys>();
        return services;
    }

    /// <summary>Errors under /api become problem+json without a stack trace, in every environment.</summary>
    public static WebApplication UseThiDuaApi(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.MapOpenApi();
        app.MapThiDuaApi();
        return app;
    }
}
