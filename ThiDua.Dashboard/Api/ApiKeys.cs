using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Ingestion;

namespace ThiDua.Dashboard.Api;

/// <summary>Resolves the <c>X-Api-Key</c> header to the key's name; blank keys never match.</summary>
public sealed class ApiKeys(IOptionsMonitor<IngestOptions> options)
{
    public const string Header = "X-Api-Key";

    /// <summary>The name of the key sent with the request, or null when it is missing or unknown.</summary>
    public string? Authenticate(HttpRequest request)
    {
        var sent = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(sent)) return null;
        var sentBytes = Encoding.UTF8.GetBytes(sent);
        foreach (var key in options.CurrentValue.ApiKeys)
        {
            if (string.IsNullOrWhiteSpace(key.Key) || string.IsNullOrWhiteSpace(key.Name)) continue;
            // Fixed-time comparison, so response timing says nothing about how much of a key was right.
            if (CryptographicOperations.FixedTimeEquals(sentBytes, Encoding.UTF8.GetBytes(key.Key))) return key.Name;
        }
        return null;
    }
}
