using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Configuration;
using ThiDua.Dashboard.Ingestion;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Pages;

/// <summary>
/// /quan-tri: users (create, scope, disable, reset password), API keys (create once-shown, revoke),
/// read-only screen links for meeting-room PCs (create once-shown, revoke),
/// units (rename, registration, active range and merger, applied live), the audit trail with its
/// integrity check, and the campaign's rule warnings. Every change goes through the audited services.
/// </summary>
public sealed partial class Admin
{
    private const string Source = "admin";

    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private AccountService Accounts { get; set; } = default!;
    [Inject] private UserStore UserStore { get; set; } = default!;
    [Inject] private ApiKeyStore KeyStore { get; set; } = default!;
    [Inject] private ScreenLinkService ScreenLinkService { get; set; } = default!;
    [Inject] private ScreenLinkStore ScreenLinkStore { get; set; } = default!;
    [Inject] private IAuditTrail Audit { get; set; } = default!;
    [Inject] private FigureIngestion Ingestion { get; set; } = default!;
    [Inject] private EngineHost Host { get; set; } = default!;
    [Inject] private CampaignWarnings Warnings { get; set; } = default!;

    private SignedInUser? Me { get; set; }
    private string? Notice { get; set; }
    private Severity NoticeSeverity { get; set; }
    private string? Secret { get; set; }
    private string SecretLabel { get; set; } = "";

    private IReadOnlyList<UserAccount> Users { get; set; } = [];
    private UserAccount? Editing { get; set; }
    private UserFormModel UserForm { get; set; } = new();

    /// <summary>"Đặt lại mật khẩu" was pressed: the reset waits for a second, explicit yes.</summary>
    private bool ConfirmingReset { get; set; }

    private IReadOnlyList<StoredApiKey> Keys { get; set; } = [];
    private KeyFormModel KeyForm { get; set; } = new();

    private IReadOnlyList<StoredScreenLink> ScreenLinks { get; set; } = [];
    private string ScreenName { get; set; } = "";
    private string? NewScreenLink { get; set; }
    private string NewScreenName { get; set; } = "";

    private IReadOnlyList<UnitInfo> AllUnits => [.. Host.Engine.Units.OrderBy(u => u.Name, Vi.Collation)];
    private UnitFormModel UnitForm { get; set; } = new();

    private AuditFilterModel Filter { get; set; } = new();
    private IReadOnlyList<AuditEntry> Entries { get; set; } = [];
    private AuditVerification? Verification { get; set; }

    private AccountActor Actor => new(Me!.UserName, Me.Address);
    private WriteActor Writer => new(Me!.UserName, Me.Address, UnitScope.All);

    private sealed class UserFormModel
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = Roles.Viewer;
        public HashSet<string> Units { get; set; } = [];
        public bool Disabled { get; set; }
    }

    private sealed class KeyFormModel
    {
        public string Name { get; set; } = "";
        public bool AllUnits { get; set; } = true;
        public bool IsAdmin { get; set; }
        public HashSet<string> Units { get; set; } = [];
    }

    private sealed class UnitFormModel
    {
        public string? Code { get; set; }
        public string Name { get; set; } = "";
        public DateTime? RegisteredOn { get; set; }
        public DateTime? ActiveFrom { get; set; }
        public DateTime? ActiveTo { get; set; }
        public string? MergedInto { get; set; }
    }

    private sealed class AuditFilterModel
    {
        public string? Actor { get; set; }
        public string? Kind { get; set; }
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
    }

    protected override async Task OnInitializedAsync()
    {
        // [Authorize] guards the first request; this guards a visit by navigation inside a live circuit.
        var user = await CurrentUser.GetAsync();
        if (user is not { IsAdmin: true, MustChangePassword: false })
        {
            Navigation.NavigateTo("/dang-nhap?ReturnUrl=%2Fquan-tri" + (user is null ? "" : "&tuChoi=1"), forceLoad: true);
            return;
        }
        Me = user;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        Users = await UserStore.GetAllAsync();
        Keys = await KeyStore.GetAllAsync();
        ScreenLinks = await ScreenLinkStore.GetAllAsync();
        await LoadAuditAsync();
    }

    private void Show(Severity severity, string message)
    {
        NoticeSeverity = severity;
        Notice = message;
    }

    private void NewUser()
    {
        Editing = null;
        ConfirmingReset = false;
        UserForm = new UserFormModel();
    }

    private void Edit(UserAccount user)
    {
        Editing = user;
        ConfirmingReset = false;
        UserForm = new UserFormModel
        {
            UserName = user.UserName, DisplayName = user.DisplayName, Role = user.Role, Units = [.. user.Scope.Units], Disabled = user.Disabled,
        };
    }

    private async Task SaveUserAsync()
    {
        var scope = UnitScope.Of(UserForm.Units);
        if (Editing is null)
        {
            var password = AccountService.GeneratePassword();
            var (user, problem) = await Accounts.CreateUserAsync(UserForm.UserName, UserForm.DisplayName, UserForm.Role, scope, password, Actor);
            if (problem is not null)
            {
                Show(Severity.Error, problem);
                return;
            }
            Secret = password;
            SecretLabel = $"Mật khẩu tạm thời của {user!.UserName}:";
            Show(Severity.Success, $"Đã tạo tài khoản {user.UserName}; người dùng phải đổi mật khẩu ở lần đăng nhập đầu.");
        }
        else
        {
            var (user, problem) = await Accounts.UpdateUserAsync(Editing.Id, UserForm.DisplayName, UserForm.Role, scope, UserForm.Disabled, Actor);
            if (problem is not null)
            {
                Show(Severity.Error, problem);
                return;
            }
            Show(Severity.Success, $"Đã lưu tài khoản {user!.UserName}; các phiên đăng nhập cũ của tài khoản này đã kết thúc.");
        }
        NewUser();
        await ReloadAsync();
    }

    private async Task ResetPasswordAsync()
    {
        if (Editing is null) return;
        var (password, problem) = await Accounts.ResetPasswordAsync(Editing.Id, Actor);
        if (password is null)
        {
            Show(Severity.Error, problem + $" Mật khẩu của {Editing.UserName} chưa thay đổi.");
            return;
        }
        Secret = password;
        SecretLabel = $"Mật khẩu mới của {Editing.UserName}:";
        Show(Severity.Success, $"Đã đặt lại mật khẩu của {Editing.UserName}; người dùng phải đổi mật khẩu khi đăng nhập.");
        NewUser();
        await ReloadAsync();
    }

    private async Task CreateKeyAsync()
    {
        var scope = KeyForm.AllUnits ? UnitScope.All : UnitScope.Of(KeyForm.Units);
        if (!scope.IsAll && scope.Units.Count == 0)
        {
            Show(Severity.Error, "Chọn ít nhất một đơn vị, hoặc đánh dấu “Mọi đơn vị”.");
            return;
        }
        var (key, secret, problem) = await Accounts.CreateKeyAsync(KeyForm.Name, scope, KeyForm.IsAdmin, Actor);
        if (problem is not null)
        {
            Show(Severity.Error, problem);
            return;
        }
        Secret = secret;
        SecretLabel = $"Khóa API {key!.Name}:";
        Show(Severity.Success, $"Đã tạo khóa {key.Name}. Hệ thống chỉ lưu mã băm của khóa.");
        KeyForm = new KeyFormModel();
        await ReloadAsync();
    }

    private async Task RevokeKeyAsync(StoredApiKey key)
    {
        var (revoked, problem) = await Accounts.RevokeKeyAsync(key.Id, Actor);
        if (revoked is not null) Show(Severity.Success, $"Đã thu hồi khóa {key.Name}.");
        else Show(Severity.Error, problem + $" Khóa {key.Name} vẫn còn hiệu lực.");
        await ReloadAsync();
    }

    private async Task CreateScreenLinkAsync()
    {
        var (link, token, problem) = await ScreenLinkService.CreateAsync(ScreenName, Actor);
        if (problem is not null)
        {
            Show(Severity.Error, problem);
            return;
        }
        NewScreenLink = ScreenLinkService.LinkOf(Navigation.BaseUri, token!);
        NewScreenName = link!.Name;
        Show(Severity.Success, $"Đã tạo liên kết màn hình {link.Name}.");
        ScreenName = "";
        await ReloadAsync();
    }

    private async Task RevokeScreenLinkAsync(StoredScreenLink link)
    {
        try
        {
            if (await ScreenLinkService.RevokeAsync(link.Id, Actor))
                Show(Severity.Success, $"Đã thu hồi liên kết màn hình {link.Name}; máy đang dùng liên kết này sẽ phải đăng nhập lại.");
        }
        catch (AuditWriteException)
        {
            Show(Severity.Error, AuditWriteException.UserMessage + $" Liên kết {link.Name} vẫn còn hiệu lực.");
        }
        await ReloadAsync();
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
        Ingestion.SetRegistrationAsync(code, Date(UnitForm.RegisteredOn), Source, Writer));

    private Task SetActiveRangeAsync() => UnitChangeAsync(code =>
        Date(UnitForm.ActiveFrom) is { } from && Date(UnitForm.ActiveTo) is { } to && from > to
            ? throw new ArgumentException("Ngày bắt đầu hoạt động phải trước ngày kết thúc.")
            : Ingestion.SetActiveRangeAsync(code, Date(UnitForm.ActiveFrom), Date(UnitForm.ActiveTo), UnitForm.MergedInto, Source, Writer));

    private async Task UnitChangeAsync(Func<string, Task<UnitInfo?>> change)
    {
        if (UnitForm.Code is not { } code) return;
        try
        {
            var unit = await change(code);
            Show(Severity.Success, unit is null ? "Không còn đơn vị này." : $"Đã lưu {unit.Name}; bảng xếp hạng đã cập nhật.");
            SelectUnit(code);
            await LoadAuditAsync();
        }
        catch (ArgumentException invalid)
        {
            Show(Severity.Error, invalid.Message);
        }
        catch (AuditWriteException)
        {
            Show(Severity.Error, AuditWriteException.UserMessage);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            Show(Severity.Error, "Không lưu được: dữ liệu không hợp lệ (ví dụ đơn vị sáp nhập vào không tồn tại).");
        }
    }

    private async Task LoadAuditAsync() =>
        Entries = await Audit.QueryAsync(new AuditQuery(Filter.Actor, Filter.Kind, Date(Filter.From), Date(Filter.To), 500));

    private async Task VerifyAsync() => Verification = await Audit.VerifyAsync();

    private static DateOnly? Date(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    private string Local(DateTimeOffset? at) =>
        at is { } value ? Host.CampaignTime(value).ToString("HH:mm:ss dd/MM/yyyy", Vi.Culture) : "";

    /// <summary>A scope as people read it: units counted per district ("Ninh Kiều: 12 đơn vị"), not a list of codes.</summary>
    private string ScopeText(UnitScope scope)
    {
        if (scope.IsAll) return "tất cả";
        var units = scope.Units.Select(code => Host.Engine.Unit(code)).OfType<UnitInfo>().ToList();
        return string.Join("; ", units.GroupBy(u => u.District ?? "Sở, ngành")
            .OrderBy(g => g.Key, Vi.Collation)
            .Select(g => $"{g.Key}: {g.Count()} đơn vị"));
    }

    /// <summary>Every unit of a scope by name, for the cell's tooltip.</summary>
    private string ScopeNames(UnitScope scope) =>
        scope.IsAll ? "tất cả đơn vị" : string.Join(", ", scope.Units.Select(code => Host.Engine.Unit(code)?.Name ?? code).OrderBy(n => n, Vi.Collation));

    private string Status(UserAccount user) =>
        user.Disabled ? "vô hiệu hóa"
        : user.LockedUntil is { } until && Host.CampaignTime(until) > Host.CampaignNow() ? $"tạm khóa đến {Local(until)}"
        : user.MustChangePassword ? "chờ đổi mật khẩu"
        : "hoạt động";

    private static string Change(AuditEntry entry) =>
        entry.BeforeJson is null ? entry.AfterJson ?? "" : $"{entry.BeforeJson} → {entry.AfterJson}";
}
