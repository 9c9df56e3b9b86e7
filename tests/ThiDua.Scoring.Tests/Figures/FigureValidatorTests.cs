using Microsoft.Extensions.Time.Testing;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Tests.Support;
using ThiDua.Scoring.Time;
using ThiDua.Scoring.Units;

namespace ThiDua.Scoring.Tests.Figures;

public sealed class FigureValidatorTests
{
    private static readonly Campaign CanTho = new(TestCampaigns.CanTho());

    private static readonly Dictionary<string, UnitInfo> Units = new()
    {
        ["p-an-hoa"] = new("p-an-hoa", "Phường An Hòa", "phuong", "Ninh Kiều"),
        ["p-an-cu"] = new("p-an-cu", "Phường An Cư", "phuong", "Ninh Kiều", null, new DateOnly(2024, 10, 31), "p-thoi-binh"),
        ["p-thoi-binh"] = new("p-thoi-binh", "Phường Thới Bình", "phuong", "Ninh Kiều"),
    };

    private static IReadOnlyList<FigureError> Validate(params Figure[] figures) =>
        FigureValidator.Validate(CanTho, code => Units.GetValueOrDefault(code), figures, today: new DateOnly(2024, 12, 1));

    [Fact]
    public void Validate_GoodContentAndDossierFigures_HaveNoErrors()
    {
        Assert.Empty(Validate(F.Rate("p-an-hoa", "c", 82, 100), F.Rate("p-an-hoa", "h", 0, 0), F.Dossiers("p-an-hoa", 1234)));
    }

    [Theory]
    [InlineData("p-xx", "c", 1L, 2L, "unit", "Không có đơn vị mã “p-xx”.")]
    [InlineData("p-an-hoa", "q", 1L, 2L, "indicator", "Không có chỉ tiêu “q”; dùng một trong: a, b, c, d, dd, e, g, h, i hoặc dossiers (số hồ sơ giải quyết).")]
    [InlineData("p-an-hoa", "c", -1L, 2L, "numerator", "Tử số không được âm.")]
    [InlineData("p-an-hoa", "c", 1L, -2L, "denominator", "Mẫu số không được âm.")]
    [InlineData("p-an-hoa", "c", 1L, null, "denominator", "Thiếu mẫu số.")]
    [InlineData("p-an-hoa", "c", 1500L, 1200L, "numerator", "Tử số (1.500) lớn hơn mẫu số (1.200).")]
    [InlineData("p-an-hoa", "dossiers", 10L, 20L, "denominator", "Số hồ sơ giải quyết không có mẫu số; để trống trường này.")]
    public void Validate_BadField_NamesTheFieldInVietnamese(string unit, string indicator, long numerator, long? denominator, string field, string message)
    {
        var error = Assert.Single(Validate(new Figure(unit, indicator, F.Day, numerator, denominator)));

        Assert.Equal((0, field, message), (error.Index, error.Field, error.Message));
    }

    [Fact]
    public void Validate_ContentACampaignRestrictsToAnotherBlock_IsRefusedForTheUnit()
    {
        // The shipped campaign applies every content to every block; AppliesTo stays a setting.
        var rules = TestCampaigns.CanTho();
        var restricted = new Campaign(rules with
        {
            Indicators = [.. rules.Indicators.Select(i => i.Code == "e" ? i with { AppliesTo = ["so-nganh"] } : i)],
        });

        var errors = FigureValidator.Validate(restricted, code => Units.GetValueOrDefault(code), [F.Rate("p-an-hoa", "e", 1, 2)], today: new DateOnly(2024, 12, 1));

        var error = Assert.Single(errors);
        Assert.Equal(("indicator", "Nội dung e không áp dụng cho khối “UBND phường”."), (error.Field, error.Message));
    }

    [Fact]
    public void Validate_ShippedCampaign_TakesContentEFromAWard()
    {
        Assert.Empty(Validate(F.Rate("p-an-hoa", "e", 1, 2)));
    }

    [Fact]
    public void Validate_Dates_OutsidePeriodFutureAndAfterMerger()
    {
        var errors = Validate(
            F.Rate("p-an-hoa", "c", 1, 2, new DateOnly(2025, 1, 1)),
            F.Rate("p-an-hoa", "c", 1, 2, new DateOnly(2024, 12, 2)),
            F.Rate("p-an-cu", "c", 1, 2, new DateOnly(2024, 11, 1)));

        Assert.Equal(
        [
            (0, "asOf", "Ngày số liệu 01/01/2025 nằm ngoài đợt thi đua (15/12/2023 – 14/12/2024)."),
            (1, "asOf", "Ngày số liệu 02/12/2024 ở tương lai (hôm nay là 01/12/2024)."),
            (2, "asOf", "Phường An Cư đã sáp nhập vào Phường Thới Bình sau ngày 31/10/2024; hãy báo cáo số liệu cho Phường Thới Bình."),
        ], errors.Select(e => (e.Index, e.Field, e.Message)));
    }

    [Fact]
    public void Validate_BatchWithSeveralBadItems_ReportsEveryOne()
    {
        var errors = Validate(F.Rate("p-an-hoa", "c", 1, 2), F.Rate("p-xx", "c", 5, 2), F.Rate("p-an-hoa", "zz", 1, 2));

        Assert.Equal([(1, "unit"), (1, "numerator"), (2, "indicator")], errors.Select(e => (e.Index, e.Field)));
    }

    [Fact]
    public void CampaignCalendar_Today_IsADateInTheCampaignTimeZone()
    {
        var rules = TestCampaigns.CanTho();
        // 18:30 UTC on 14/12/2024 is already 15/12/2024 01:30 in Hồ Chí Minh City.
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 14, 18, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2024, 12, 15), CampaignCalendar.Today(rules, time));
        Assert.Equal(new DateOnly(2024, 12, 14), CampaignCalendar.DefaultAsOf(rules, time));
        Assert.Equal(rules.PeriodStart, CampaignCalendar.Clamp(rules, new DateOnly(2020, 1, 1)));
    }
}
