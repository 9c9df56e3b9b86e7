using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Components.Controls;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Import;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Scoring;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>
/// Data entry: one unit's figures for a date through a form, or a whole CSV/XLSX file with a
/// preview first. Both go through the same validation and ingestion path as the API.
/// </summary>
public sealed partial class DataEntry : CampaignComponent
{
    private const long MaxFileBytes = 64L * 1024 * 1024;

    private EngineHost Host => Campaign.Host;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in user who may write figures; null until checked (and then the page leaves for /dang-nhap).</summary>
    private SignedInUser? User { get; set; }

    private WriteActor Writer => new(User!.UserName, User.Address, User.WriteScope);
    private FigureIngestion Ingestion => Campaign.Get<FigureIngestion>();
    private FigureImport Import => Campaign.Get<FigureImport>();

    private string? UnitCode { get; set; }
    private UnitInfo? Unit { get; set; }
    private DateTime? AsOfDate { get; set; }
    private List<EntryRow> Rows { get; set; } = [];
    private bool Saving { get; set; }
    private string? Message { get; set; }
    private Severity MessageSeverity { get; set; }

    /// <summary>A save was held back by lower figures; "Vẫn lưu" saves them anyway.</summary>
    private bool ConfirmingLower { get; set; }

    private string? FileName { get; set; }
    private byte[]? FileBytes { get; set; }
    private ImportPreview? Preview { get; set; }
    private double? ImportProgress { get; set; }
    private string ImportStage { get; set; } = "";
    private string? ImportProblem { get; set; }
    private bool Committed { get; set; }
    private long CommittedVersion { get; set; }

    private DateTime MinDate => Host.Rules.PeriodStart.ToDateTime(TimeOnly.MinValue);
    private DateTime MaxDate => Host.DefaultAsOf().ToDateTime(TimeOnly.MinValue);
    private DateOnly AsOf => AsOfDate is { } d ? DateOnly.FromDateTime(d) : Host.DefaultAsOf();

    private IReadOnlyList<UnitInfo> ActiveUnits =>
        [.. Host.Engine.Units.Where(u => u.IsActiveOn(AsOf) && User is not null && User.WriteScope.Allows(u.Code))];

    private sealed class EntryRow(string indicator, string name)
    {
        public string Indicator { get; } = indicator;
        public string Name { get; } = name;
        public bool IsDossiers => Indicator == Figure.Dossiers;
        public long? Numerator { get; set; }
        public long? Denominator { get; set; }
        public string Current { get; set; } = "";
        public string? NumeratorError { get; set; }
        public string? DenominatorError { get; set; }
        public string? OtherError { get; set; }

        /// <summary>Why the typed figure is questioned (below the one already reported); saving then asks to confirm.</summary>
        public string? LowerWarning { get; set; }

        public void ClearErrors() => NumeratorError = DenominatorError = OtherError = LowerWarning = null;
    }

    protected override async Task OnInitializedAsync()
    {
        AsOfDate = Host.DefaultAsOf().ToDateTime(TimeOnly.MinValue);
        // [Authorize] guards the first request; this guards a visit by navigation inside a live circuit.
        var user = await CurrentUser.GetAsync();
        if (user is not { MayWriteFigures: true })
        {
            Navigation.NavigateTo("/dang-nhap?ReturnUrl=%2Fnhap-lieu" + (user is null ? "" : "&tuChoi=1"), forceLoad: true);
            return;
        }
        User = user;
    }

    private void SelectUnit(string? code)
    {
        UnitCode = code;
        Unit = code is null ? null : Host.Engine.Unit(code);
        Message = null;
        BuildRows();
    }

    private void SelectDate(DateTime? date)
    {
        AsOfDate = date;
        Message = null;
        BuildRows();
    }

    private void BuildRows()
    {
        Rows = [];
        if (Unit is null) return;
        Rows.Add(new EntryRow(Figure.Dossiers, "Số hồ sơ giải quyết") { Current = ReportedText(Figure.Dossiers) });
        foreach (var indicator in Host.Rules.Indicators.Where(i => Host.Campaign.AppliesTo(i.Code, Unit.Block)))
            Rows.Add(new EntryRow(indicator.Code, indicator.Name) { Current = ReportedText(indicator.Code) });
    }

    /// <summary>The figure in effect on the form's date, with the day it was reported for: what a lower entry is compared with.</summary>
    private string ReportedText(string indicator)
    {
        if (Host.Engine.Reported(Unit!.Code, indicator, AsOf) is not { } figure) return "chưa có";
        return figure.IsDossiers
            ? $"{Vi.Count(figure.Numerator)} hồ sơ (ngày {Vi.Date(figure.AsOf)})"
            : $"{Vi.Count(figure.Numerator)}/{Vi.Count(figure.Denominator ?? 0)} (ngày {Vi.Date(figure.AsOf)})";
    }

    private static string RateText(EntryRow row)
    {
        if (row.IsDossiers || row.Numerator is not { } n || row.Denominator is not { } d) return "";
        if (d == 0) return "không phát sinh";
        return n < 0 || n > d ? "–" : Vi.Percent((decimal)n / d);
    }

    private string PointsText(EntryRow row)
    {
        if (row.IsDossiers || row.Numerator is not { } n || row.Denominator is not { } d || n < 0 || d < 0 || n > d) return "";
        var indicator = Host.Campaign.Indicator(row.Indicator)!;
        var (state, points, available) = ScoreMath.Evaluate(indicator, true, n, d);
        return state == ContentState.NothingArose && available == 0
            ? "không tính"
            : $"{Vi.Number(points)} / {Vi.Number(indicator.MaxPoints, 0)}";
    }

    /// <summary>
    /// Checks one row as it is typed, with the same checks and messages as saving, so errors show under
    /// the field at once; the error banner of a refused save goes once no row has an error left.
    /// </summary>
    private void Check(EntryRow row)
    {
        row.ClearErrors();
        if (Unit is not null && (row.Numerator is not null || row.Denominator is not null))
        {
            if (row.Numerator is null) row.NumeratorError = "Thiếu tử số.";
            else ShowErrors([row], Ingestion.Validate([ToFigure(row)]));
            if (!HasError(row) && row.Numerator is not null)
            {
                var lower = Ingestion.LowerThanReported([ToFigure(row)]);
                row.LowerWarning = lower.Count == 0 ? null : string.Join(" ", lower.Select(w => w.Message));
            }
        }
        if (ConfirmingLower)
        {
            // The figures asked about have changed: the question no longer stands.
            ConfirmingLower = false;
            Message = null;
        }
        if (MessageSeverity == Severity.Error && Message is not null && !Rows.Any(HasError)) Message = null;
    }

    private static bool HasError(EntryRow row) => row.NumeratorError is not null || row.DenominatorError is not null || row.OtherError is not null;

    private Figure ToFigure(EntryRow row) => new(Unit!.Code, row.Indicator, AsOf, row.Numerator!.Value, row.IsDossiers ? null : row.Denominator);

    /// <summary>Puts each error under its field; errors index into <paramref name="rows"/>.</summary>
    private static void ShowErrors(IReadOnlyList<EntryRow> rows, IEnumerable<FigureError> errors)
    {
        foreach (var error in errors)
        {
            var row = error.Index >= 0 && error.Index < rows.Count ? rows[error.Index] : null;
            if (row is null) continue;
            switch (error.Field)
            {
                case "numerator": row.NumeratorError ??= error.Message; break;
                case "denominator": row.DenominatorError ??= error.Message; break;
                default: row.OtherError ??= error.Message; break;
            }
        }
    }

    private Task SaveAsync() => SaveAsync(confirmedLower: false);

    private Task SaveLowerAsync() => SaveAsync(confirmedLower: true);

    private async Task SaveAsync(bool confirmedLower)
    {
        if (Unit is null || Campaign.IsClosed) return;
        foreach (var row in Rows) Check(row);
        var filled = Rows.Where(r => r.Numerator is not null || r.Denominator is not null).ToList();
        if (Rows.Any(HasError))
        {
            Show(Severity.Error, "Có dòng chưa đúng hoặc chưa đủ số liệu; chưa lưu gì.");
            return;
        }
        if (filled.Count == 0)
        {
            Show(Severity.Warning, "Chưa điền số liệu nào.");
            return;
        }
        var lowerCount = filled.Count(r => r.LowerWarning is not null);
        if (lowerCount > 0 && !confirmedLower)
        {
            Show(Severity.Warning, $"{Vi.Count(lowerCount)} số liệu thấp hơn số đã báo (xem dưới từng dòng); chưa lưu. Nếu đó là số đính chính, bấm “Vẫn lưu”.");
            ConfirmingLower = true;
            return;
        }
        ConfirmingLower = false;

        Saving = true;
        try
        {
            var figures = filled.Select(ToFigure).ToList();
            var before = Placing(Unit.Code);
            IngestionResult result;
            try
            {
                result = await Ingestion.SubmitAsync(figures, "form", Writer);
            }
            catch (UnitScopeException outside)
            {
                Show(Severity.Error, outside.Message);
                return;
            }
            catch (AuditWriteException)
            {
                Show(Severity.Error, AuditWriteException.UserMessage);
                return;
            }
            if (!result.IsAccepted)
            {
                ShowErrors(filled, result.Errors);
                var general = result.Errors.Where(e => e.Field is "unit" or "asOf").Select(e => e.Message).Distinct();
                Show(Severity.Error, string.Join(" ", ["Số liệu có lỗi; chưa lưu gì.", .. general]));
                return;
            }
            Show(Severity.Success, SavedMessage(result.Accepted, Unit.Name, before, Placing(Unit.Code)));
            BuildRows();
        }
        finally
        {
            Saving = false;
        }
    }

    /// <summary>The unit's score and rank on its board for the form's date, as the engine has them now.</summary>
    private (decimal Score, int Rank)? Placing(string unit) =>
        Host.Engine.StandingsAsOf(AsOf).Find(unit) is { } found ? (found.Entry.Score, found.Entry.Rank) : null;

    /// <summary>What the save changed: "Đã lưu 3 số liệu của Phường Cái Khế — điểm 65,65 → 84,31, hạng 12 → 9".</summary>
    private static string SavedMessage(int count, string unitName, (decimal Score, int Rank)? before, (decimal Score, int Rank)? after)
    {
        var saved = $"Đã lưu {Vi.Count(count)} số liệu của {unitName}";
        return (before, after) switch
        {
            ({ } b, { } a) => $"{saved} — điểm {Vi.Number(b.Score)} → {Vi.Number(a.Score)}, hạng {b.Rank} → {a.Rank}",
            (null, { } a) => $"{saved} — điểm {Vi.Number(a.Score)}, hạng {a.Rank} (lần đầu lên bảng xếp hạng).",
            _ => $"{saved}; đơn vị chưa có trên bảng xếp hạng.",
        };
    }

    private void Show(Severity severity, string message)
    {
        MessageSeverity = severity;
        Message = message;
    }

    private async Task PreviewFileAsync(IBrowserFile? file)
    {
        Preview = null;
        Committed = false;
        ImportProblem = null;
        FileBytes = null;
        if (file is null) return;
        FileName = file.Name;
        if (!FigureFileReader.IsSupported(file.Name))
        {
            ImportProblem = $"Tệp “{Echo.Input(file.Name)}” không phải CSV, văn bản Unicode của Excel (.txt) hoặc Excel (.xlsx).";
            return;
        }
        if (file.Size > MaxFileBytes)
        {
            ImportProblem = $"Tệp lớn quá {MaxFileBytes / 1024 / 1024} MB; hãy chia nhỏ.";
            return;
        }
        try
        {
            FileBytes = await ReadWithProgressAsync(file);
            ImportStage = "Đang kiểm tra từng dòng";
            ImportProgress = 100;
            StateHasChanged();
            using var stream = new MemoryStream(FileBytes, writable: false);
            Preview = (await Import.PreviewAsync(stream, file.Name)).Preview;
        }
        catch (IOException)
        {
            ImportProblem = "Không đọc được tệp từ trình duyệt; hãy thử chọn lại.";
        }
        finally
        {
            ImportProgress = null;
        }
    }

    /// <summary>Copies the upload in chunks, showing how much has arrived.</summary>
    private async Task<byte[]> ReadWithProgressAsync(IBrowserFile file)
    {
        ImportStage = "Đang tải tệp lên";
        ImportProgress = 0;
        await using var source = file.OpenReadStream(MaxFileBytes);
        using var target = new MemoryStream((int)file.Size);
        var buffer = new byte[81920];
        int read;
        var lastShown = -10.0;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            target.Write(buffer, 0, read);
            var percent = file.Size == 0 ? 100 : 100.0 * target.Length / file.Size;
            if (percent - lastShown >= 5)
            {
                ImportProgress = lastShown = percent;
                StateHasChanged();
            }
        }
        return target.ToArray();
    }

    private async Task CommitFileAsync()
    {
        if (FileBytes is null || FileName is null || Campaign.IsClosed) return;
        ImportStage = $"Đang ghi {Vi.Count(Preview?.Rows ?? 0)} dòng";
        ImportProgress = 100;
        try
        {
            using var stream = new MemoryStream(FileBytes, writable: false);
            // Scope and audit are ingestion's: the file is refused whole, or stored with its entry in one transaction.
            var outcome = await Import.CommitAsync(stream, FileName, Writer);
            Preview = outcome.Preview;
            Committed = outcome.Committed;
            CommittedVersion = outcome.Version;
        }
        catch (UnitScopeException outside)
        {
            ImportProblem = outside.Message;
        }
        catch (AuditWriteException)
        {
            ImportProblem = AuditWriteException.UserMessage;
        }
        finally
        {
            ImportProgress = null;
        }
    }

    /// <summary>Enough to check a file by eye; the count says how many more there are.</summary>
    private const int ShownChanges = 200;

    private string ImportedAtText(DateTimeOffset at) => Host.CampaignTime(at).ToString("HH:mm dd/MM/yyyy", Vi.Culture);

    private static string FigureText(long? numerator, long? denominator) => numerator is not { } n
        ? "chưa có"
        : denominator is { } d ? $"{Vi.Count(n)}/{Vi.Count(d)}" : Vi.Count(n);

    private static string ScoreText(decimal? score) => score is { } s ? Vi.Number(s) : "–";

    private static string IndicatorLabel(string code) => code == Figure.Dossiers ? "số hồ sơ" : Vi.ContentLetter(code);
}
