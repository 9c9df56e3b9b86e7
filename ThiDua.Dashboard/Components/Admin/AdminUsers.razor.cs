using Microsoft.AspNetCore.Components;
using MudBlazor;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Admin;

/// <summary>/quan-tri's users: create (a temporary password shown once), edit role, units and state, reset a password.</summary>
public sealed partial class AdminUsers
{
    [Inject] private AccountService Accounts { get; set; } = default!;
    [Inject] private AccountQueries AccountQueries { get; set; } = default!;
    [Inject] private EngineHost Host { get; set; } = default!;

    /// <summary>The signed-in admin the changes are audited under.</summary>
    [Parameter, EditorRequired] public AccountActor Actor { get; set; } = default!;

    /// <summary>Hands the page a password to show once.</summary>
    [Parameter] public EventCallback<(string Label, string Secret)> ShowSecret { get; set; }

    private IReadOnlyList<UserAccount> Users { get; set; } = [];
    private UserAccount? Editing { get; set; }
    private UserFormModel UserForm { get; set; } = new();

    /// <summary>"Đặt lại mật khẩu" was pressed: the reset waits for a second, explicit yes.</summary>
    private bool ConfirmingReset { get; set; }

    private IReadOnlyList<UnitInfo> AllUnits => AdminText.AllUnits(Host);

    private sealed class UserFormModel
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = Roles.Viewer;
        public HashSet<string> Units { get; set; } = [];
        public bool Disabled { get; set; }
    }

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync() => Users = await AccountQueries.UsersAsync();

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
                await Show(Severity.Error, problem);
                return;
            }
            await ShowSecret.InvokeAsync(($"Mật khẩu tạm thời của {user!.UserName}:", password));
            await Show(Severity.Success, $"Đã tạo tài khoản {user.UserName}; người dùng phải đổi mật khẩu ở lần đăng nhập đầu.");
        }
        else
        {
            var (user, problem) = await Accounts.UpdateUserAsync(Editing.Id, UserForm.DisplayName, UserForm.Role, scope, UserForm.Disabled, Actor);
            if (problem is not null)
            {
                await Show(Severity.Error, problem);
                return;
            }
            await Show(Severity.Success, $"Đã lưu tài khoản {user!.UserName}; các phiên đăng nhập cũ của tài khoản này đã kết thúc.");
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
            await Show(Severity.Error, problem + $" Mật khẩu của {Editing.UserName} chưa thay đổi.");
            return;
        }
        await ShowSecret.InvokeAsync(($"Mật khẩu mới của {Editing.UserName}:", password));
        await Show(Severity.Success, $"Đã đặt lại mật khẩu của {Editing.UserName}; người dùng phải đổi mật khẩu khi đăng nhập.");
        NewUser();
        await ReloadAsync();
    }

    private string Status(UserAccount user) =>
        user.Disabled ? "vô hiệu hóa"
        : user.LockedUntil is { } until && Host.CampaignTime(until) > Host.CampaignNow() ? $"tạm khóa đến {AdminText.Local(Host, until)}"
        : user.MustChangePassword ? "chờ đổi mật khẩu"
        : "hoạt động";
}
