using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// Headers on every answer: no MIME sniffing, no referrer outside the site, never inside a frame,
/// and a content security policy Blazor Server and MudBlazor work under: scripts only from this
/// site plus the one inline script Blazor writes (the import map, allowed by its hash); inline
/// styles, which MudBlazor sets on elements; the circuit's WebSocket to this host.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // One import map per asset collection (one per build); computed as the ImportMap component renders it.
    private static readonly ConcurrentDictionary<ResourceAssetCollection, string> _importMapHashes = new();

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            var host = http.Request.Host.Value;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self'{ImportMapHash(http)}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                + $"connect-src 'self' ws://{host} wss://{host}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static string ImportMapHash(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() is not { } assets) return "";
        return _importMapHashes.GetOrAdd(assets, static collection =>
        {
            var json = ImportMapDefinition.FromResourceCollection(collection).ToString();
            return " 'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json))) + "'";
        });
    }
}
