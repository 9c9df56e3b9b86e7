using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Tests.Accounts;
using ThiDua.Dashboard.Tests.Audit;
using ThiDua.Scoring.Awards;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Awards;

/// <summary>
/// One error style per service: every write of the award book and the account service answers an
/// <see cref="Outcome"/> carrying the Vietnamese reason; none throws for a refusal (these used to).
/// </summary>
public class OneErrorStyleTests : AccessHostTest
{
    public OneErrorStyleTests()
    {
    }

    private protected OneErrorStyleTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private static readonly AccountActor Admin = new("admin", "127.0.0.1");

    [Fact]
    public async Task SetCityRating_AuditEntryCannotBeWritten_RefusedWithTheMessageAndNothingStored()
    {
        // Arrange
        var book = Host.Get<AwardBook>();
        await FailingAudit.BreakAsync(Storage);

        // Act
        var refused = await book.SetCityRatingAsync(CityRating.Tot, "Công bố 766", "admin");

        // Assert
        Assert.False(refused.Done);
        Assert.Null(refused.Value);
        Assert.Equal(AuditWriteException.UserMessage, refused.Problem);
        Assert.Null((await book.CityRatingAsync()).Rating);
    }

    [Fact]
    public async Task PutCityRating_AuditEntryCannotBeWritten_500ProblemWithTheMessage()
    {
        // Arrange
        var (_, secret) = await Host.CreateKeyAsync("quan-tri", admin: true);
        using var client = Host.WithKey(secret);
        await FailingAudit.BreakAsync(Storage);

        // Act
        using var response = await client.PutAsJsonAsync("api/v1/campaign/city-rating", new { rating = "tot", source = (string?)null });

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Không lưu được thay đổi", problem.GetProperty("title").GetString());
        Assert.Equal(AuditWriteException.UserMessage, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RemoveIndividual_NoSuchIndividual_RefusedInVietnamese()
    {
        // Act
        var refused = await Host.Get<AwardBook>().RemoveIndividualAsync(424242, "van-phong");

        // Assert
        Assert.Equal("Không có cá nhân này trong danh sách.", refused.Problem);
    }

    [Fact]
    public async Task ResetPasswordAndRevokeKey_NoSuchUserOrKey_RefusedInVietnamese()
    {
        // Arrange
        var accounts = Host.Get<AccountService>();

        // Act
        var (password, noUser) = await accounts.ResetPasswordAsync(424242, Admin);
        var (revoked, noKey) = await accounts.RevokeKeyAsync(424242, Admin);

        // Assert
        Assert.Null(password);
        Assert.Equal("Không có tài khoản này.", noUser);
        Assert.Null(revoked);
        Assert.Equal("Không có khóa này, hoặc khóa đã bị thu hồi.", noKey);
    }

    [Fact]
    public async Task CreateKey_DuplicateName_RefusedAsAnOutcome()
    {
        // Arrange
        var accounts = Host.Get<AccountService>();
        await Host.CreateKeyAsync("trung-ten");

        // Act
        var (key, secret, problem) = await accounts.CreateKeyAsync("trung-ten", UnitScope.All, isAdmin: false, Admin);

        // Assert
        Assert.Null(key);
        Assert.Null(secret);
        Assert.Equal("Đã có khóa tên “trung-ten”.", problem);
    }
}

/// <summary>Every test of <see cref="OneErrorStyleTests"/>, on PostgreSQL.</summary>
public sealed class OneErrorStyleOnPostgresTests(PostgresTestDatabase postgres) : OneErrorStyleTests(postgres), IClassFixture<PostgresTestDatabase>;
