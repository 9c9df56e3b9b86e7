using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Components.Pages;
using ThiDua.Dashboard.Registrations;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Tests.Components;

/// <summary>The unit page's registration panel and form, and /dang-ky's list with accept and return.</summary>
public sealed class RegistrationPagesTests : PageTestContext
{
    private RegistrationBook Book => Services.GetRequiredService<RegistrationBook>();

    private static readonly WriteActor Unit = new("can-bo-an-hoa", null, UnitScope.Of(["p-an-hoa"]));
    private static readonly WriteActor Office = new("van-phong", null, UnitScope.All);

    private void SignInEditor(params string[] units) =>
        Authorization.SetAuthorized("can-bo-an-hoa").SetRoles(Roles.Editor)
            .SetClaims(new Claim(AccountClaims.UserId, "7"), new Claim(AccountClaims.Units, UnitScope.Of(units).ToJson()!));

    private void SignInCommittee() =>
        Authorization.SetAuthorized("van-phong").SetRoles(Roles.Committee).SetClaims(new Claim(AccountClaims.UserId, "3"));

    private IRenderedComponent<UnitPage> RenderUnit(string code = "p-an-hoa") => RenderPage<UnitPage>(p => p.Add(x => x.UnitCode, code));

    /// <summary>The text input of a MudBlazor field, whichever element carries the test id.</summary>
    private static AngleSharp.Dom.IElement Input<T>(IRenderedComponent<T> page, string id) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"input[data-testid={id}], [data-testid={id}] input");

    private Task<Registration> SendAsync(string unit = "p-an-hoa", string number = "15/ĐK-UBND") =>
        Book.SubmitAsync(unit, number, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 2), Unit with { Scope = UnitScope.All });

    private static string State(IRenderedComponent<UnitPage> page) => page.Find("[data-testid=registration-state]").TextContent.Trim();

    [Fact]
    public void UnitPage_NothingSent_Anonymous_SaysSoWithoutAForm()
    {
        var page = RenderUnit();

        Assert.Equal("Đơn vị chưa gửi đăng ký thi đua.", State(page));
        Assert.Empty(page.FindAll("[data-testid=registration-form]"));
    }

    [Fact]
    public void UnitPage_EditorOfAnotherUnit_NoForm()
    {
        SignInEditor("p-cai-khe");

        var page = RenderUnit();

        Assert.Empty(page.FindAll("[data-testid=registration-form]"));
    }

    [Fact]
    public async Task UnitPage_EditorOfTheUnit_SendsTheForm_StoredAuditedAndShownAsSent()
    {
        // Arrange
        SignInEditor("p-an-hoa");
        var page = RenderUnit();

        // Act
        Input(page, "registration-number").Change("15/ĐK-UBND");
        Input(page, "registration-date").Change("01/03/2024");
        await page.Find("button[data-testid=registration-send]").ClickAsync(new());

        // Assert
        var stored = Assert.Single(await Book.ListAsync());
        Assert.Equal(("p-an-hoa", "15/ĐK-UBND", new DateOnly(2024, 3, 1), Book.Today(), "can-bo-an-hoa"),
            (stored.Unit, stored.DocumentNumber, stored.DocumentDate, stored.SubmittedOn, stored.SubmittedBy));
        page.WaitForAssertion(() => Assert.StartsWith("Đã gửi đăng ký (văn bản số 15/ĐK-UBND ngày 01/03/2024) ngày 27/11/2026", State(page)));
        Assert.Empty(page.FindAll("[data-testid=registration-form]"));
        Assert.Single(await Services.GetRequiredService<IAuditTrail>().QueryAsync(new AuditQuery(Kind: AuditKinds.RegistrationSubmit)));
    }

    [Fact]
    public async Task UnitPage_FormWithoutNumberOrDate_VietnameseErrorsAndNothingStored()
    {
        SignInEditor("p-an-hoa");
        var page = RenderUnit();

        await page.Find("button[data-testid=registration-send]").ClickAsync(new());

        Assert.Equal("Cần ghi số văn bản đăng ký. Cần chọn ngày văn bản.", page.Find("[data-testid=registration-message]").TextContent.Trim());
        Assert.Empty(await Book.ListAsync());
    }

    [Fact]
    public async Task UnitPage_AcceptedAndReturned_ShownInWords_ReturnedOffersTheFormAgain()
    {
        // Arrange
        var accepted = await SendAsync();
        await Book.AcceptAsync(accepted.Id, null, Office);
        await SendAsync("p-cai-khe", "9/ĐK");
        var returned = (await Book.ListAsync(RegistrationStatus.Submitted)).Single();
        await Book.ReturnAsync(returned.Id, "Thiếu chữ ký thủ trưởng", Office);
        SignInEditor("p-cai-khe");

        // Act
        var anHoa = RenderUnit("p-an-hoa");
        var caiKhe = Render<UnitPage>(p => p.Add(x => x.UnitCode, "p-cai-khe"));

        // Assert
        Assert.Equal("Đã được chấp nhận (văn bản số 15/ĐK-UBND ngày 01/03/2024): đăng ký thi đua ngày 02/03/2024.", State(anHoa));
        Assert.Contains("Đăng ký thi đua ngày 02/03/2024", anHoa.Markup);
        Assert.Empty(anHoa.FindAll("[data-testid=registration-form]"));
        Assert.Equal("Bị trả lại: Thiếu chữ ký thủ trưởng (văn bản số 9/ĐK ngày 01/03/2024, gửi ngày 02/03/2024).", State(caiKhe));
        Assert.NotNull(caiKhe.Find("[data-testid=registration-form]"));
    }

    [Fact]
    public async Task DangKy_ListsWaitingByVietnameseName_AcceptSetsTheUnitsDate()
    {
        // Arrange: Phường Cái Khế sent first, Phường An Hòa second; An Hòa sorts first.
        await SendAsync("p-cai-khe", "9/ĐK");
        var anHoa = await SendAsync("p-an-hoa");
        SignInCommittee();
        var page = RenderPage<RegistrationList>(_ => { });

        // Act
        var rows = page.FindAll("[data-testid=registration-row]");
        var names = rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        await rows[0].QuerySelector("button[data-testid=accept]")!.ClickAsync(new());

        // Assert
        Assert.Equal(["Phường An Hòa", "Phường Cái Khế"], names);
        Assert.Contains("02/03/2024", Text(rows[0]));
        Assert.Equal(RegistrationStatus.Accepted, (await Book.GetAsync(anHoa.Id))!.Status);
        Assert.Equal(new DateOnly(2024, 3, 2), Host.Engine.Unit("p-an-hoa")!.RegisteredOn);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=registration-row]")));
        Assert.Contains("Đã chấp nhận đăng ký của Phường An Hòa", page.Find("[data-testid=registrations-message]").TextContent);
        page.Find("button[data-testid=filter-accepted]").Click();
        Assert.Contains("Đã chấp nhận (van-phong", Text(page.Find("[data-testid=registration-row]")));
    }

    [Fact]
    public async Task DangKy_ReturnAsksForTheReason_ThenReturns()
    {
        // Arrange
        var sent = await SendAsync();
        SignInCommittee();
        var page = RenderPage<RegistrationList>(_ => { });

        // Act: without a reason first, then with one.
        page.Find("button[data-testid=return]").Click();
        await page.Find("button[data-testid=return-confirm]").ClickAsync(new());
        var refused = page.Find("[data-testid=registrations-message]").TextContent.Trim();
        Input(page, "return-reason").Change("Văn bản sai mẫu");
        await page.Find("button[data-testid=return-confirm]").ClickAsync(new());

        // Assert
        Assert.Equal("Cần ghi lý do trả lại đăng ký.", refused);
        var returned = (await Book.GetAsync(sent.Id))!;
        Assert.Equal((RegistrationStatus.Returned, "Văn bản sai mẫu", "van-phong"), (returned.Status, returned.Reason, returned.DecidedBy));
        Assert.Null(Host.Engine.Unit("p-an-hoa")!.RegisteredOn);
        page.Find("button[data-testid=filter-returned]").Click();
        Assert.Contains("Bị trả lại: Văn bản sai mẫu (van-phong)", Text(page.Find("[data-testid=registration-row]")));
    }
}
