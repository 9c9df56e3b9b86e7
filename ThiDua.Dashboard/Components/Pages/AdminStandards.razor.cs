using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Awards;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>
/// The admin page's section for the City Office's records: the city's 766 classification and each
/// unit's Nghị quyết 02/NQ-CP assessment, listed with the units the awards now propose.
/// </summary>
public sealed partial class AdminStandards
{
    /// <summary>The select's value for "not recorded / not assessed" (a select item cannot hold null).</summary>
    private const string NotRecorded = "";
    private const string Source = "admin";

    [Inject] private EngineHost Host { get; set; } = default!;
    [Inject] private AwardBook AwardBook { get; set; } = default!;
    [Inject] private FigureIngestion Ingestion { get; set; } = default!;

    /// <summary>The signed-in admin the changes are audited under.</summary>
    [Parameter, EditorRequired] public WriteActor Writer { get; set; } = default!;

    /// <summary>Tells the page what happened (success or a Vietnamese error).</summary>
    [Parameter] public EventCallback<(Severity Severity, string Message)> Notify { get; set; }

    private CityRatingRecord City { get; set; } = CityRatingRecord.None;
    private IReadOnlyList<UnitInfo> Units { get; set; } = [];
    private IReadOnlySet<string> Holders { get; set; } = new HashSet<string>();
    private bool OnlyProposed { get; set; }

    private string? RatingChoice { get; set; } = NotRecorded;
    private string? RatingSource { get; set; }
    private string? UnitCode { get; set; }
    private string? AssessmentChoice { get; set; } = NotRecorded;
    private string? Note { get; set; }

    private IEnumerable<UnitInfo> Shown => OnlyProposed ? Units.Where(u => Holders.Contains(u.Code)) : Units;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        City = await AwardBook.CityRatingAsync();
        RatingChoice = CityRatingText.Format(City.Rating) ?? NotRecorded;
        RatingSource = City.Source;
        Units = [.. Host.Engine.Units.OrderBy(u => Host.Campaign.BlockIndexOf(u.Block)).ThenBy(u => u.Name, Vi.Collation)];
        Holders = AwardBook.CollectiveHolders(await AwardBook.ProposalAsync(Host.DefaultAsOf()));
    }

    private int Count(Nq02Assessment assessment) => Units.Count(u => u.Nq02 == assessment);

    private string BlockName(string code) => Host.Campaign.Block(code)?.Name ?? code;

    private string Local(DateTimeOffset at) => Host.CampaignTime(at).ToString("HH:mm dd/MM/yyyy");

    private static string StatusText(Nq02Assessment? assessment) => assessment switch
    {
        Nq02Assessment.Met => "Đạt",
        Nq02Assessment.NotMet => "Không đạt",
        _ => "Chưa đánh giá",
    };

    private async Task SaveCityRatingAsync()
    {
        var rating = string.IsNullOrEmpty(RatingChoice) ? null : CityRatingText.Parse(RatingChoice);
        var (recorded, problem) = await AwardBook.SetCityRatingAsync(rating, RatingSource, Writer.Name, Writer.Address);
        await Notify.InvokeAsync(recorded is null ? (Severity.Error, problem!)
            : (Severity.Success, recorded.Rating is { } r
                ? $"Đã lưu xếp loại Bộ chỉ số 766 của thành phố: {Vi.Rating(r)}."
                : "Đã ghi nhận: chưa có xếp loại Bộ chỉ số 766 của thành phố."));
        await LoadAsync();
    }

    private async Task SaveAssessmentAsync()
    {
        if (UnitCode is not { } code)
        {
            await Notify.InvokeAsync((Severity.Error, "Chọn đơn vị cần ghi đánh giá."));
            return;
        }
        if (Note is { Length: > 1000 })
        {
            await Notify.InvokeAsync((Severity.Error, "Ghi chú dài quá 1.000 ký tự."));
            return;
        }
        Nq02Text.TryParse(AssessmentChoice, out var parsed);
        Nq02Assessment? assessment = string.IsNullOrEmpty(AssessmentChoice) ? null : parsed;
        try
        {
            var unit = await Ingestion.SetNq02Async(code, assessment, Note, Source, Writer);
            await Notify.InvokeAsync(unit is null
                ? (Severity.Error, "Không còn đơn vị này.")
                : (Severity.Success, $"Đã lưu đánh giá tiêu chí Nghị quyết 02/NQ-CP của {unit.Name}: {StatusText(unit.Nq02)}."));
        }
        catch (AuditWriteException)
        {
            await Notify.InvokeAsync((Severity.Error, AuditWriteException.UserMessage));
        }
        await LoadAsync();
    }
}
