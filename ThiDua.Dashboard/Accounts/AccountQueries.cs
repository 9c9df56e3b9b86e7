namespace ThiDua.Dashboard.Accounts;

/// <summary>
/// What the admin pages list of accounts, API keys and screen links. Pages read through this and
/// write through <see cref="AccountService"/> and <see cref="ScreenLinkService"/>, never the stores.
/// </summary>
public sealed class AccountQueries(UserStore users, ApiKeyStore keys, ScreenLinkStore screenLinks)
{
    public Task<IReadOnlyList<UserAccount>> UsersAsync(CancellationToken cancellationToken = default) => users.GetAllAsync(cancellationToken);

    public Task<IReadOnlyList<StoredApiKey>> ApiKeysAsync(CancellationToken cancellationToken = default) => keys.GetAllAsync(cancellationToken);

    public Task<IReadOnlyList<StoredScreenLink>> ScreenLinksAsync(CancellationToken cancellationToken = default) => screenLinks.GetAllAsync(cancellationToken);
}
