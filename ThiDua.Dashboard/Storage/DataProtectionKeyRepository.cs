using System.Data.Common;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ThiDua.Dashboard.Storage;

/// <summary>
/// Keeps the data-protection key ring in the database (table <c>data_protection_keys</c>), so every
/// node on it encrypts and reads sign-in cookies, screen-link cookies and antiforgery tokens alike.
/// The keys are stored as the framework writes them (unencrypted XML, as the key folder held them):
/// whoever can read the database can forge a cookie, so guard its file or server as you would the keys.
/// </summary>
public sealed class DataProtectionKeyRepository(
    Database database, TimeProvider time, ILogger<DataProtectionKeyRepository> logger, DirectoryInfo? legacyFolder = null) : IXmlRepository
{
    // IXmlRepository is synchronous. Microsoft.Data.Sqlite does its work synchronously even behind the
    // async methods, and ASP.NET Core has no synchronization context, so waiting here blocks nothing else;
    // on PostgreSQL the key ring is read rarely (at start and when keys roll), so the wait costs little.
    private DbConnection Open() => database.OpenAsync().GetAwaiter().GetResult();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        var rows = connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id;").ToList();
        if (rows.Count == 0 && legacyFolder is not null) rows = ImportLegacyFolder(connection);
        return [.. rows.Select(row => XElement.Parse(row))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        Insert(connection, null, friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>
    /// Up to this version the keys lived in a <c>keys</c> folder beside the database file. They are copied
    /// in once, when the table is still empty, so an upgrade signs nobody out and no meeting-room screen
    /// loses its 400-day cookie. The transaction makes two nodes starting together copy them once.
    /// </summary>
    private List<string> ImportLegacyFolder(DbConnection connection)
    {
        using var transaction = database.BeginWriteAsync(connection).GetAwaiter().GetResult();
        var rows = connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id;", transaction: transaction).ToList();
        if (rows.Count > 0 || !legacyFolder!.Exists) return rows;
        foreach (var file in legacyFolder.GetFiles("*.xml").OrderBy(f => f.CreationTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var xml = XElement.Load(file.FullName).ToString(SaveOptions.DisableFormatting);
            Insert(connection, transaction, Path.GetFileNameWithoutExtension(file.Name), xml);
            rows.Add(xml);
        }
        transaction.Commit();
        if (rows.Count > 0)
            logger.LogInformation("Copied {Count} data-protection key file(s) from {Folder} into the database", rows.Count, legacyFolder.FullName);
        return rows;
    }

    private void Insert(DbConnection connection, DbTransaction? transaction, string friendlyName, string xml) =>
        connection.Execute(
            """
            INSERT INTO data_protection_keys (friendly_name, xml, created_at)
            VALUES (@FriendlyName, @Xml, @CreatedAt);
            """,
            new { FriendlyName = friendlyName, Xml = xml, CreatedAt = SqliteText.FromInstant(time.GetUtcNow()) },
            transaction);
}
