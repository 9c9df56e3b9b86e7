namespace ThiDua.Dashboard.Accounts;

/// <summary>Settings of <c>ThiDua:Access</c>.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "ThiDua:Access";

    /// <summary>When false, every page and every GET of the API needs a sign-in or a key. Writing always does.</summary>
    public bool AnonymousRead { get; set; } = true;

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A session ends after this long without a request.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>
    /// How often an open page (a Blazor circuit) checks that its sign-in still holds: a revoked screen
    /// link, or a user disabled, removed or changed by an admin, stops seeing data within this many
    /// seconds without a reload. At least 1.
    /// </summary>
    public int RevalidateSeconds { get; set; } = 5;
}

/// <summary>Settings of <c>ThiDua:Admin</c>: the administrator created at first start.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "ThiDua:Admin";

    public string UserName { get; set; } = "admin";

    /// <summary>When empty, a random password is generated and written once to the log.</summary>
    public string? InitialPassword { get; set; }
}

/// <summary>Settings of <c>ThiDua:RateLimit</c>: writing requests allowed per key (or user, or address) per window.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "ThiDua:RateLimit";

    public int PermitLimit { get; set; } = 600;

    public int WindowSeconds { get; set; } = 10;

    /// <summary>
    /// When true, keys from the settings (<c>ThiDua:Ingest:ApiKeys</c>) are not limited. Off by default: the
    /// limit holds for every key; the load harness turns it on for its own runs.
    /// </summary>
    public bool ExemptConfigKeys { get; set; }
}
