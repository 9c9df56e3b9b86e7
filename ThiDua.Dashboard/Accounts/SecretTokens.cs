using System.Security.Cryptography;
using System.Text;

namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// The secrets the app hands out once (API keys, screen links): 32 random bytes in base64url, and
/// the SHA-256 that is all the database ever keeps of them.
/// </summary>
internal static class SecretTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
