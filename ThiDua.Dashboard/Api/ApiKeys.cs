using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Ingestion;

namespace ThiDua.Dashboard.Api;

/// <summary>Who sent a request with an API key: the key's name, the units it may write, whether it is an admin key.</summary>
public sealed record ApiCaller(string Name, UnitScope Scope, bool IsAdmin)
{
    public WriteActor Writer(HttpContext context) => new(Name, context.Connection.RemoteIpAddress?.ToString(), Scope);
}

/// <summary>
/// Resolves the <c>X-Api-Key</c> header: keys from the settings (every unit) and keys created by an
/// admin (stored as a hash, with a scope, revocable). Blank keys never match.
/// </summary>
public sealed class ApiKeys(IOptionsMonitor<IngestOptions> options, ApiKeyStore store)
{
    public const string Header = "X-Api-Key";

    /// <summary>The key sent with the request — from the settings or created in the UI and not revoked — or null.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (Configured(request) is { } configured) return new ApiCaller(configured.Name, UnitScope.All, configured.Admin);
        var sent = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(sent)) return null;
        return await store.AuthenticateAsync(sent, cancellationToken) is { } key ? new ApiCaller(key.Name, key.Scope, key.IsAdmin) : null;
    }

    /// <summary>The name of a key from the settings sent with the request, or null when it is missing or unknown.</summary>
    public string? Authenticate(HttpRequest request) => Configured(request)?.Name;

    private ApiKeyOptions? Configured(HttpRequest request)
    {
        var sent = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(sent)) return null;
        var sentBytes = Encoding.UTF8.GetBytes(sent);
        foreach (var key in options.CurrentValue.ApiKeys)
        {
            if (string.IsNullOrWhiteSpace(key.Key) || string.IsNullOrWhiteSpace(key.Name)) continue;
            // Fixed-time comparison, so response timing says nothing about how much of a key was right.
            if (CryptographicOperations.FixedTimeEquals(sentBytes, Encoding.UTF8.GetBytes(key.Key))) return key;
        }
        return null;
    }
}
