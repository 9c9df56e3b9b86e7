using ThiDua.Scoring.Text;

namespace ThiDua.Scoring.Tests.Text;

public sealed class ViSearchTests
{
    [Theory]
    [InlineData("Phường Cái Khế", "phuong cai khe")]
    [InlineData("Huyện Cờ Đỏ", "huyen co do")]
    [InlineData("  Xã  Đông   Thắng ", "xa dong thang")]
    public void Fold_VietnameseName_LowerCaseWithoutAccentsAndDAsD(string name, string folded) =>
        Assert.Equal(folded, ViSearch.Fold(name));

    [Theory]
    [InlineData("cai khe", true)]
    [InlineData("CÁI KHẾ", true)]
    [InlineData("khe cai", true)]
    [InlineData("cai rang", false)]
    public void Matches_QueryWithoutAccents_FindsEveryWord(string query, bool matches) =>
        Assert.Equal(matches, ViSearch.Matches("Phường Cái Khế", query));

    [Fact]
    public void Matches_QueryWord_MustBeginAWord() =>
        Assert.False(ViSearch.Matches("Sở Văn hóa, Thể thao và Du lịch", "an hoa"));

    [Fact]
    public void Matches_UnitCode_SplitsAtHyphens() =>
        Assert.True(ViSearch.Matches("p-cai-khe", "khe"));

    [Fact]
    public void Matches_DWithoutStroke_FindsTheStrokedD() =>
        Assert.True(ViSearch.Matches("Huyện Cờ Đỏ", "co do"));
}
