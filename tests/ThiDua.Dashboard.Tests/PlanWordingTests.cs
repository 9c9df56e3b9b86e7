using System.Text;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Tests;

/// <summary>Words the plan (Kế hoạch 74/KH-UBND) fixes, and words it never uses, across the whole app.</summary>
public sealed class PlanWordingTests
{
    [Fact]
    public void Roles_Committee_KeepsItsCodeAndIsLabelledAsTheCityOfficeSelecting()
    {
        Assert.Equal("committee", Roles.Committee);
        Assert.Equal("Văn phòng UBND thành phố (xét chọn)", Roles.Label(Roles.Committee));
    }

    [Theory]
    [InlineData("hội đồng")] // the plan's chain: City Office selects → Emulation and Reward Board appraises → Chairman decides
    [InlineData("chậm báo cáo")] // the plan sets no reporting schedule
    public void AppSourcesAndDocs_NeverUseWordsThePlanDoesNot(string words)
    {
        var root = Hosting.SettingsFileTests.RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "ThiDua.Dashboard"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => Path.GetExtension(f) is ".cs" or ".razor" or ".json" or ".js")
            .Concat([Path.Combine(root, "README.md"), Path.Combine(root, "docs", "api.md"), Path.Combine(root, "appsettings.json")]);

        var offending = files.Where(f => File.ReadAllText(f, Encoding.UTF8).Normalize(NormalizationForm.FormC)
            .Contains(words, StringComparison.OrdinalIgnoreCase)).Select(f => Path.GetRelativePath(root, f));

        Assert.Empty(offending);
    }

    [Fact]
    public void UnitSeed_Description_StatesItsTrueSourceNotThePlan()
    {
        var description = UnitSeed.Load(UnitSeed.CanTho2024).Description;

        Assert.StartsWith("Các đơn vị hành chính của thành phố Cần Thơ năm 2024, lấy từ nguồn công khai", description);
        Assert.Contains("Kế hoạch 74/KH-UBND ngày 05/04/2024 không liệt kê đơn vị nào", description);
    }
}
