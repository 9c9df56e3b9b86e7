using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Tests.Api;
using ThiDua.Scoring.Units;
using ThiDua.Dashboard.Tests.Hosting;

namespace ThiDua.Dashboard.Tests.Audit;

/// <summary>A unit edit and its audit entry are one transaction: never an edit without its entry.</summary>
public class AuditWithUnitEditsTests : ApiTest
{
    public AuditWithUnitEditsTests()
    {
    }

    private protected AuditWithUnitEditsTests(PostgresTestDatabase postgres)
        : base(postgres)
    {
    }

    private static readonly WriteActor Admin = new("quan-tri", "10.0.0.7", UnitScope.All);

    /// <summary>Each edit the admin page makes, with its audit kind and how to check it was stored.</summary>
    public static TheoryData<string> Edits => ["registration", "rename", "active-range"];

    private FigureIngestion Ingestion => Api.Services.GetRequiredService<FigureIngestion>();

    private EngineHost Host => Api.Services.GetRequiredService<EngineHost>();

    private Task<UnitInfo?> EditAsync(string edit) => EditAsync(Ingestion, edit);

    private static Task<UnitInfo?> EditAsync(FigureIngestion ingestion, string edit) => edit switch
    {
        "registration" => ingestion.SetRegistrationAsync("p-an-binh", new DateOnly(2024, 3, 1), "form", Admin),
        "rename" => ingestion.RenameUnitAsync("p-an-binh", "Phường An Bình mới", "form", Admin),
        _ => ingestion.SetActiveRangeAsync("p-an-binh", new DateOnly(2023, 12, 15), new DateOnly(2024, 10, 31), "p-thoi-binh", "form", Admin),
    };

    private static string KindOf(string edit) => edit switch
    {
        "registration" => AuditKinds.UnitRegistration,
        "rename" => AuditKinds.UnitRename,
        _ => AuditKinds.UnitActiveRange,
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task UnitEdit_Stored_WithExactlyOneMatchingAuditEntryAndAValidChain(string edit)
    {
        // Arrange: the app's own ingestion path and database, with a publisher that looks at the
        // committed audit trail at the moment the boards change.
        var before = Host.Engine.Unit("p-an-binh")!;
        var probe = new AuditProbe(this);
        var ingestion = ActivatorUtilities.CreateInstance<FigureIngestion>(Api.Services, (ILeaderboardPublisher)probe);

        // Act
        var after = await EditAsync(ingestion, edit);

        // Assert: no moment when the boards show the edit and the trail lacks it.
        Assert.Equal([1L], probe.EntriesSeenAtPublish);
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
        Assert.Equal(after, StoredUnit("p-an-binh"));
        Assert.Equal(1, Scalar("SELECT version FROM engine_state WHERE id = 1"));
        var entry = Assert.Single(await Api.Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Kind: KindOf(edit))));
        Assert.Equal(1, Scalar($"SELECT count(*) FROM audit_log WHERE subject = 'p-an-binh'"));
        Assert.Equal(("quan-tri", "10.0.0.7", "p-an-binh"), (entry.Actor, entry.Address, entry.Subject));
        Assert.EndsWith(": p-an-binh, phiên bản 1", entry.Summary);
        Assert.Equal(before.Name, JsonDocument.Parse(entry.BeforeJson!).RootElement.GetProperty("name").GetString());
        Assert.Equal(after!.Name, JsonDocument.Parse(entry.AfterJson!).RootElement.GetProperty("name").GetString());
        Assert.Equal(JsonSerializer.Serialize(after, JsonOptions), Normalize(entry.AfterJson!));
        Assert.True((await Api.Services.GetRequiredService<IAuditTrail>().VerifyAsync()).Valid);
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task UnitEdit_AuditEntryCannotBeWritten_StoresNothingAndThrows(string edit)
    {
        // Arrange
        var unitBefore = StoredUnit("p-an-binh");
        var engine = Host.Engine;
        var (engineUnit, engineVersion, board) = (engine.Unit("p-an-binh"), engine.Version, Host.Engine.Units.ToList());
        await FailingAudit.BreakAsync(Storage);

        // Act
        var refused = await Assert.ThrowsAsync<AuditWriteException>(() => EditAsync(edit));

        // Assert
        Assert.Equal(KindOf(edit), refused.Record.Kind);
        Assert.Equal(unitBefore, StoredUnit("p-an-binh"));
        Assert.Equal(0, Scalar("SELECT version FROM engine_state WHERE id = 1"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM batches"));
        Assert.Equal(0, Scalar("SELECT count(*) FROM audit_log WHERE subject = 'p-an-binh'"));
        Assert.Same(engine, Host.Engine);
        Assert.Equal((engineUnit, engineVersion), (Host.Engine.Unit("p-an-binh"), Host.Engine.Version));
        Assert.Equal(board, Host.Engine.Units.ToList());

        // The same edit goes through once the audit trail can be written again.
        await FailingAudit.RepairAsync(Storage);
        Assert.NotNull(await EditAsync(edit));
        Assert.Equal(1, Scalar("SELECT count(*) FROM audit_log WHERE subject = 'p-an-binh'"));
        Assert.True((await Api.Services.GetRequiredService<IAuditTrail>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task PutRegistration_AuditEntryCannotBeWritten_StoresNothingAndAnswersVietnameseProblem()
    {
        // Arrange
        await FailingAudit.BreakAsync(Storage);

        // Act
        var refused = await Api.Writer.PutAsJsonAsync("api/v1/units/p-an-hoa/registration", new { registeredOn = "2024-03-01" });

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("at ThiDua", body);
        Assert.Equal("Không lưu được thay đổi", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        Assert.Null(StoredUnit("p-an-hoa")!.RegisteredOn);
        Assert.Null(Host.Engine.Unit("p-an-hoa")!.RegisteredOn);
        Assert.Equal(0, Scalar("SELECT version FROM engine_state WHERE id = 1"));

        await FailingAudit.RepairAsync(Storage);
        var accepted = await Api.Writer.PutAsJsonAsync("api/v1/units/p-an-hoa/registration", new { registeredOn = "2024-03-01" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(new DateOnly(2024, 3, 1), StoredUnit("p-an-hoa")!.RegisteredOn);
        Assert.Equal(1, Scalar($"SELECT count(*) FROM audit_log WHERE kind = '{AuditKinds.UnitRegistration}'"));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, JsonOptions);

    private UnitInfo? StoredUnit(string code) =>
        Api.Services.GetRequiredService<ThiDua.Dashboard.Storage.UnitRepository>().GetAsync(code).GetAwaiter().GetResult();

    private long Scalar(string sql) => Storage.ScalarAsync<long>(sql).GetAwaiter().GetResult();

    /// <summary>Counts the unit's committed audit entries, read from another connection, each time the boards change.</summary>
    private sealed class AuditProbe(AuditWithUnitEditsTests test) : ILeaderboardPublisher
    {
        public List<long> EntriesSeenAtPublish { get; } = [];

        public void Publish(ThiDua.Scoring.Live.ApplyResult result) =>
            EntriesSeenAtPublish.Add(test.Scalar("SELECT count(*) FROM audit_log WHERE subject = 'p-an-binh'"));
    }
}

/// <summary>Every test of <see cref="AuditWithUnitEditsTests"/>, on PostgreSQL.</summary>
public sealed class AuditWithUnitEditsOnPostgresTests(PostgresTestDatabase postgres) : AuditWithUnitEditsTests(postgres), IClassFixture<PostgresTestDatabase>;
