using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using ThiDua.Dashboard.Storage;

using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Storage;

public class DataProtectionKeyRepositoryTests : IDisposable
{
    private readonly TempDatabase _temp;

    public DataProtectionKeyRepositoryTests()
        : this(new TempDatabase())
    {
    }

    /// <summary>The same tests on another provider's database (see the PostgreSQL subclass below).</summary>
    private protected DataProtectionKeyRepositoryTests(TempDatabase temp) => _temp = temp;

    public void Dispose() => _temp.Dispose();

    private DataProtectionKeyRepository Repository(DirectoryInfo? legacy = null) =>
        new(_temp.Database, _temp.Time, NullLogger<DataProtectionKeyRepository>.Instance, legacy);

    [Fact]
    public async Task StoreElement_ThenAnotherInstance_ReadsItBackFromTheTable()
    {
        // Arrange
        await _temp.InitializeAsync();
        var key = new XElement("key", new XAttribute("id", "0f4bd2a0-5a2c-4c35-9c55-4d3ba1c3f2b1"), new XElement("creationDate", "2024-05-02"));

        // Act
        Repository().StoreElement(key, "key-0f4bd2a0-5a2c-4c35-9c55-4d3ba1c3f2b1");
        var read = Repository().GetAllElements();

        // Assert
        Assert.Equal(key.ToString(), Assert.Single(read).ToString());
        Assert.Equal(1L, _temp.Scalar<long>("SELECT count(*) FROM data_protection_keys WHERE friendly_name = 'key-0f4bd2a0-5a2c-4c35-9c55-4d3ba1c3f2b1';"));
    }

    [Fact]
    public async Task GetAllElements_EmptyTableAndLegacyKeyFolder_CopiesTheFilesOnce()
    {
        // Arrange: a key folder as earlier versions wrote it, beside the database.
        await _temp.InitializeAsync();
        var folder = new DirectoryInfo(Path.Combine(_temp.Folder, "keys"));
        var files = new FileSystemXmlRepository(folder, NullLoggerFactory.Instance);
        files.StoreElement(new XElement("key", new XAttribute("id", "a")), "key-a");
        files.StoreElement(new XElement("key", new XAttribute("id", "b")), "key-b");

        // Act
        var first = Repository(folder).GetAllElements();
        var second = Repository(folder).GetAllElements();

        // Assert
        Assert.Equal(["a", "b"], first.Select(k => (string)k.Attribute("id")!).Order());
        Assert.Equal(2, second.Count);
        Assert.Equal(2L, _temp.Scalar<long>("SELECT count(*) FROM data_protection_keys;"));
    }
}

/// <summary>Every test of <see cref="DataProtectionKeyRepositoryTests"/>, on PostgreSQL.</summary>
public sealed class DataProtectionKeyRepositoryOnPostgresTests(PostgresTestDatabase postgres) : DataProtectionKeyRepositoryTests(new TempDatabase(postgres)), IClassFixture<PostgresTestDatabase>;
