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

/// <summary>
/// The unit page's registration panel: the latest registration's state in words, and — for a
/// signed-in account that may write this unit — the form to send one while none is pending or accepted.
/// </summary>
public sealed partial class UnitRegistration : CampaignComponent
{
    /// <summary>A part of the unit page: the page answers an unknown campaign.</summary>
    protected override bool ShowsNotFound => false;

    private RegistrationBook Book => Campaign.Get<RegistrationBook>();
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    private EngineHost Host => Campaign.Host;

    [Parameter, EditorRequired] public string UnitCode { get; set; } = "";

    private Registration? Latest { get; set; }
    private SignedInUser? User { get; set; }
    private string? DocumentNumber { get; set; }
    private DateTime? DocumentDate { get; set; }
    private bool Sending { get; set; }
    private string? Message { get; set; }
    private Severity MessageSeverity { get; set; }

    private DateTime Today => Book.Today().ToDateTime(TimeOnly.MinValue);

    /// <summary>The unit's editor (or an admin), with nothing pending or accepted: a returned registration is sent again.</summary>
    private bool CanSend => !Campaign.IsClosed && User is { MayWriteFigures: true } user && user.WriteScope.Allows(UnitCode)
        && Latest is null or { Status: RegistrationStatus.Returned };

    private string StateText => Latest switch
    {
        null => "Đơn vị chưa gửi đăng ký thi đua.",
        { Status: RegistrationStatus.Submitted } r => $"Đã gửi đăng ký ({Document(r)}) ngày {Vi.Date(r.SubmittedOn)}; đang chờ Văn phòng UBND thành phố xét.",
        { Status: RegistrationStatus.Accepted } r => $"Đã được chấp nhận ({Document(r)}): đăng ký thi đua ngày {Vi.Date(r.SubmittedOn)}"
            + (r.SubmittedOn < Host.Rules.RegistrationDeadline ? "." : $", không trước ngày {Vi.Date(Host.Rules.RegistrationDeadline)} nên không được xét khen thưởng."),
        { } r => $"Bị trả lại: {r.Reason} ({Document(r)}, gửi ngày {Vi.Date(r.SubmittedOn)}).",
    };

    protected override async Task OnParametersSetAsync()
    {
        User = await CurrentUser.GetAsync();
        Latest = await Book.LatestForUnitAsync(UnitCode);
    }

    private async Task SendAsync()
    {
        if (!CanSend) return;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DocumentNumber)) errors.Add("Cần ghi số văn bản đăng ký.");
        else if (DocumentNumber.Trim().Length > RegistrationBook.MaxDocumentNumberLength)
            errors.Add($"Số văn bản dài quá {Vi.Count(RegistrationBook.MaxDocumentNumberLength)} ký tự.");
        var today = Book.Today();
        if (DocumentDate is not { } picked) errors.Add("Cần chọn ngày văn bản.");
        else if (DateOnly.FromDateTime(picked) > today) errors.Add($"Ngày văn bản không được sau hôm nay ({Vi.Date(today)}).");
        if (errors.Count > 0)
        {
            (MessageSeverity, Message) = (Severity.Error, string.Join(" ", errors));
            return;
        }

        Sending = true;
        try
        {
            var writer = new WriteActor(User!.UserName, User.Address, User.WriteScope);
            Latest = await Book.SubmitAsync(UnitCode, DocumentNumber!, DateOnly.FromDateTime(DocumentDate!.Value), today, writer);
            (MessageSeverity, Message) = (Severity.Success, $"Đã gửi đăng ký thi đua (văn bản số {Latest.DocumentNumber}).");
            (DocumentNumber, DocumentDate) = (null, null);
        }
        catch (UnitScopeException outside)
        {
            (MessageSeverity, Message) = (Severity.Error, outside.Message);
        }
        catch (AuditWriteException)
        {
            (MessageSeverity, Message) = (Severity.Error, AuditWriteException.UserMessage);
        }
        finally
        {
            Sending = false;
        }
    }

    /// <summary>"văn bản số … ngày …", or "ghi nhận trực tiếp" for a date an admin recorded without a document.</summary>
    internal static string Document(Registration r) =>
        r.DocumentNumber is { } number ? $"văn bản số {number}{(r.DocumentDate is { } d ? $" ngày {Vi.Date(d)}" : "")}" : "ghi nhận trực tiếp";
}
