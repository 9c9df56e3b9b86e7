using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Components.Controls;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Registrations;
using ThiDua.Dashboard.Storage;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>/dang-ky: the City Office's list of registrations, filtered by status, with accept and return (a return asks for its reason).</summary>
public sealed partial class RegistrationList : CampaignComponent
{
    private static readonly (RegistrationStatus? Value, string Label)[] Filters =
    [
        (null, "Tất cả"), (RegistrationStatus.Submitted, "Chờ xét"), (RegistrationStatus.Accepted, "Đã chấp nhận"), (RegistrationStatus.Returned, "Bị trả lại"),
    ];

    private RegistrationBook Book => Campaign.Get<RegistrationBook>();
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    private EngineHost Host => Campaign.Host;

    private SignedInUser? User { get; set; }
    private IReadOnlyList<Registration> All { get; set; } = [];
    private RegistrationStatus? Filter { get; set; } = RegistrationStatus.Submitted;
    private long? Returning { get; set; }
    private string? Reason { get; set; }
    private string? Message { get; set; }
    private Severity MessageSeverity { get; set; }

    /// <summary>By unit name in Vietnamese order, then newest first.</summary>
    private IReadOnlyList<Registration> Shown =>
        [.. All.Where(r => Filter is null || r.Status == Filter).OrderBy(r => UnitName(r.Unit), Vi.Collation).ThenByDescending(r => r.Id)];

    protected override async Task OnParametersSetAsync()
    {
        User = await CurrentUser.GetAsync();
        await LoadAsync();
    }

    private async Task LoadAsync() => All = await Book.ListAsync();

    private int Count(RegistrationStatus? status) => All.Count(r => status is null || r.Status == status);

    private Task FilterAsync(RegistrationStatus? status)
    {
        Filter = status;
        return LoadAsync();
    }

    private string UnitName(string code) => Host.Engine.Unit(code)?.Name ?? code;

    private WriteActor? Writer => User is { MayNominate: true, MustChangePassword: false } user ? new WriteActor(user.UserName, user.Address, UnitScope.All) : null;

    private string StatusText(Registration r) => r.Status switch
    {
        RegistrationStatus.Submitted => "Chờ xét",
        RegistrationStatus.Accepted => $"Đã chấp nhận ({r.DecidedBy}{(r.DecidedAt is { } at ? $", {Host.CampaignTime(at):dd/MM/yyyy}" : "")})",
        _ => $"Bị trả lại: {r.Reason} ({r.DecidedBy})",
    };

    private void StartReturn(Registration r) => (Returning, Reason, Message) = (r.Id, null, null);

    private Task AcceptAsync(Registration r) => DecideAsync(r, writer => Book.AcceptAsync(r.Id, null, writer),
        $"Đã chấp nhận đăng ký của {UnitName(r.Unit)}: ngày đăng ký thi đua là {Vi.Date(r.SubmittedOn)}.");

    private Task ReturnAsync(Registration r)
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            (MessageSeverity, Message) = (Severity.Error, "Cần ghi lý do trả lại đăng ký.");
            return Task.CompletedTask;
        }
        var reason = Reason.Trim();
        if (reason.Length > RegistrationBook.MaxReasonLength)
        {
            (MessageSeverity, Message) = (Severity.Error, $"Lý do dài quá {Vi.Count(RegistrationBook.MaxReasonLength)} ký tự.");
            return Task.CompletedTask;
        }
        return DecideAsync(r, writer => Book.ReturnAsync(r.Id, reason, writer), $"Đã trả lại đăng ký của {UnitName(r.Unit)}.");
    }

    private async Task DecideAsync(Registration r, Func<WriteActor, Task<Registration?>> decide, string done)
    {
        if (Campaign.IsClosed)
        {
            (MessageSeverity, Message) = (Severity.Info, $"Chiến dịch đã kết thúc: “{Campaign.Name}” chỉ còn để xem, không xét thêm đăng ký.");
            return;
        }
        if (Writer is not { } writer)
        {
            (MessageSeverity, Message) = (Severity.Error, "Chỉ Văn phòng UBND thành phố (tài khoản xét chọn) hoặc quản trị viên được xét đăng ký thi đua.");
            return;
        }
        try
        {
            (MessageSeverity, Message) = await decide(writer) is null ? (Severity.Error, "Không còn đăng ký này.") : (Severity.Success, done);
            Returning = null;
        }
        catch (RegistrationDecidedException decided)
        {
            (MessageSeverity, Message) = (Severity.Warning, $"Đăng ký của {UnitName(r.Unit)} đã được xét trước đó ({RegistrationRepository.Name(decided.Registration.Status)} bởi {decided.Registration.DecidedBy}).");
        }
        catch (AuditWriteException)
        {
            (MessageSeverity, Message) = (Severity.Error, AuditWriteException.UserMessage);
        }
        await LoadAsync();
    }
}
