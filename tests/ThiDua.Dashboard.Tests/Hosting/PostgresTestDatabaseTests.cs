using Npgsql;

namespace ThiDua.Dashboard.Tests.Hosting;

/// <summary>The base of the PostgreSQL provider's tests: a database per test class, usable, then gone.</summary>
public sealed class PostgresTestDatabaseTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task ClassDatabase_CreateInsertSelect_AnswersFromItsOwnDatabase()
    {
        // Arrange
        await using var connection = await database.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE TABLE probe (id bigint PRIMARY KEY, name text NOT NULL); INSERT INTO probe VALUES (1, 'Phường An Hòa');", connection);
        await create.ExecuteNonQueryAsync();

        // Act
        await using var select = new NpgsqlCommand("SELECT current_database() || ' ' || name FROM probe WHERE id = 1;", connection);
        var answer = (string?)await select.ExecuteScalarAsync();

        // Assert
        Assert.Equal(database.Name + " Phường An Hòa", answer);
    }

    [Fact]
    public async Task ThrowawayDatabase_Disposed_IsDropped()
    {
        // Arrange
        var throwaway = new PostgresTestDatabase();
        await throwaway.InitializeAsync();
        await using (var connection = await throwaway.OpenAsync())
        await using (var select = new NpgsqlCommand("SELECT 1;", connection))
            Assert.Equal(1, await select.ExecuteScalarAsync());

        // Act
        await throwaway.DisposeAsync();

        // Assert
        await using var server = await database.OpenServerAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name;", server);
        exists.Parameters.AddWithValue("name", throwaway.Name);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
        Assert.NotEqual(database.Name, throwaway.Name);
    }
}
