using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>/quan-tri's units: rename, registration date, active range and merger, each applied live through the ingestion path.</summary>
public sealed partial class AdminUnits
{
    private const string Source = "admin";

    [Inject] private FigureIngestion Ingestion { get; set; } = default!;
    [Inject] private EngineHost Host { get; set; } = default!;

    /// <summary>The signed-in admin the changes are audited under.</summary>
    [Parameter, EditorRequired] public WriteActor Writer { get; set; } = default!;

    private IReadOnlyList<UnitInfo> AllUnits => AdminText.AllUnits(Host);
    private UnitFormModel UnitForm { get; set; } = new();

    private sealed class UnitFormModel
    {
        public string? Code { get; set; }
        public string Name { get; set; } = "";
        public DateTime? RegisteredOn { get; set; }
        public DateTime? ActiveFrom { get; set; }
        public DateTime? ActiveTo { get; set; }
        public string? MergedInto { get; set; }
    }

    private void SelectUnit(string? code)
    {
        var unit = code is null ? null : Host.Engine.Unit(code);
        UnitForm = unit is null ? new UnitFormModel() : new UnitFormModel
        {
            Code = unit.Code,
            Name = unit.Name,
            RegisteredOn = unit.RegisteredOn?.ToDateTime(TimeOnly.MinValue),
            ActiveFrom = unit.ActiveFrom?.ToDateTime(TimeOnly.MinValue),
            ActiveTo = unit.ActiveTo?.ToDateTime(TimeOnly.MinValue),
            MergedInto = unit.MergedInto,
        };
    }

    private Task RenameUnitAsync() => UnitChangeAsync(code =>
        string.IsNullOrWhiteSpace(UnitForm.Name)
            ? throw new ArgumentException("Tên đơn vị không được để trống.")
            : Ingestion.RenameUnitAsync(code, UnitForm.Name, Source, Writer));

    private Task SetRegistrationAsync() => UnitChangeAsync(code =>
        Ingestion.SetRegistrationAsync(code, AdminText.Date(UnitForm.RegisteredOn), Source, Writer));

    private Task SetActiveRangeAsync() => UnitChangeAsync(code =>
        AdminText.Date(UnitForm.ActiveFrom) is { } from && AdminText.Date(UnitForm.ActiveTo) is { } to && from > to
            ? throw new ArgumentException("Ngày bắt đầu hoạt động phải trước ngày kết thúc.")
            : Ingestion.SetActiveRangeAsync(code, AdminText.Date(UnitForm.ActiveFrom), AdminText.Date(UnitForm.ActiveTo), UnitForm.MergedInto, Source, Writer));

    private async Task UnitChangeAsync(Func<string, Task<UnitInfo?>> change)
    {
        if (UnitForm.Code is not { } code) return;
        try
        {
            var unit = await change(code);
            await Show(Severity.Success, unit is null ? "Không còn đơn vị này." : $"Đã lưu {unit.Name}; bảng xếp hạng đã cập nhật.");
            SelectUnit(code);
        }
        catch (ArgumentException invalid)
        {
            await Show(Severity.Error, invalid.Message);
        }
        catch (AuditWriteException)
        {
            await Show(Severity.Error, AuditWriteException.UserMessage);
        }
        catch (System.Data.Common.DbException)
        {
            await Show(Severity.Error, "Không lưu được: dữ liệu không hợp lệ (ví dụ đơn vị sáp nhập vào không tồn tại).");
        }
    }
}
