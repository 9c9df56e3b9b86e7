using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;
using ThiDua.Dashboard.Export;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Figures;
using ThiDua.Scoring.Live;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Tests.Export;

/// <summary>The export writers on a small hand-made campaign whose unit names try to inject formulas.</summary>
public sealed class ExportWriterTests
{
    private const string LongBlock = "Khối [A]: quận/huyện, thị xã có tên rất dài";
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    private static readonly CampaignRules Rules = new()
    {
        Name = "Đợt thử",
        PeriodStart = new DateOnly(2024, 1, 1),
        PeriodEnd = new DateOnly(2024, 12, 31),
        RegistrationDeadline = new DateOnly(2024, 4, 15),
        Blocks =
        [
            new BlockRules { Code = "k1", Name = LongBlock },
            new BlockRules { Code = "k2", Name = LongBlock + " (bản 2)" },
        ],
        Groups = [new GroupRules { Block = "k1", Code = "toan-khoi", Name = "Toàn khối", AwardSlots = 1 }],
        Indicators =
        [
            new IndicatorRules { Code = "a", Name = "Nội dung a", MaxPoints = 10, AppliesTo = ["k1", "k2"] },
            new IndicatorRules { Code = "dd", Name = "Nội dung đ", MaxPoints = 5, AppliesTo = ["k1"], Nq02MinRate = 0.5m },
        ],
    };

    private static readonly UnitInfo[] Units =
    [
        new("u-formula", "=HYPERLINK(\"http://x.invalid\",\"bấm\")", "k1"),
        new("u-plus", "+1", "k1", RegisteredOn: new DateOnly(2024, 5, 1)),
        new("u-minus", "-x", "k1"),
        new("u-at", "@cmd", "k1", RegisteredOn: new DateOnly(2024, 4, 1)),
        new("u-plain", "Phường Bình thường", "k2"),
    ];

    /// <summary>
    /// 23/06 (from 20/06): @cmd 1, -x 2, +1 3, formula 4. 30/06: -x 1 (86.67), formula 2 (70),
    /// +1 3 (60), @cmd 4 (50, đ left out as nothing arose). Only @cmd is eligible for the one award.
    /// </summary>
    private static Figure[] Figures()
    {
        var june20 = new DateOnly(2024, 6, 20);
        var figures = new List<Figure>();
        string[] units = ["u-formula", "u-plus", "u-minus", "u-at"];
        for (var i = 0; i < units.Length; i++)
        {
            figures.Add(new Figure(units[i], Figure.Dossiers, june20, 100, null));
            figures.Add(new Figure(units[i], "a", june20, 10 * (i + 1), 100));
        }
        figures.Add(new Figure("u-formula", "a", AsOf, 100, 100));
        figures.Add(new Figure("u-formula", "dd", AsOf, 10, 100));
        figures.Add(new Figure("u-plus", "a", AsOf, 90, 100));
        figures.Add(new Figure("u-minus", "a", AsOf, 80, 100));
        figures.Add(new Figure("u-minus", "dd", AsOf, 100, 100));
        figures.Add(new Figure("u-at", "a", AsOf, 50, 100));
        figures.Add(new Figure("u-at", "dd", AsOf, 0, 0));
        return [.. figures];
    }

    private static LeaderboardEngine Engine()
    {
        var engine = new LeaderboardEngine(Rules, Units, AsOf);
        engine.Load(Figures(), 7);
        return engine;
    }

    private static ExportSheet Table(LeaderboardEngine engine)
    {
        var standings = engine.StandingsAsOf(AsOf);
        return LeaderboardExport.Table(Rules, standings, engine.Scores(Units.Select(u => u.Code), AsOf));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-x", "'-x")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Phường An Hòa", "Phường An Hòa")]
    [InlineData("1+1=2", "1+1=2")]
    [InlineData("", "")]
    public void FormulaGuard_TextStartingWithATrigger_IsPrefixedWithAQuote(string text, string expected) =>
        Assert.Equal(expected, FormulaGuard.Neutralise(text));

    [Theory]
    [InlineData(-2, "-2")]
    [InlineData(3L, "3")]
    [InlineData(null, "")]
    [InlineData("-x", "'-x")]
    [InlineData("UBND quận, huyện", "\"UBND quận, huyện\"")]
    [InlineData("nói \"có\"", "\"nói \"\"có\"\"\"")]
    [InlineData("hai\ndòng", "\"hai\ndòng\"")]
    public void CsvField_NumbersStayNumbersAndTextIsGuardedAndQuoted(object? value, string expected) =>
        Assert.Equal(expected, CsvExport.Field(value));

    [Fact]
    public void CsvField_Decimal_UsesAPointAndAtLeastTwoDecimals()
    {
        Assert.Equal("-2.50", CsvExport.Field(-2.5m));
        Assert.Equal("10.00", CsvExport.Field(10m));
        Assert.Equal("1234.5678", CsvExport.Field(1234.5678m));
    }

    [Fact]
    public void CsvWrite_TrickyText_ReadsBackThroughAnRfc4180ReaderAsTheGuardedCells()
    {
        var sheet = new ExportSheet("Thử", ["Đơn vị", "Ghi chú", "Điểm"],
        [
            ["Phường \"An Hòa\", Ninh Kiều", "hai\r\ndòng", 86.5m],
            ["=1+1", "-x", -2],
            [null, "", 3L],
        ]);

        var bytes = CsvExport.Write(sheet);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true }).From(new MemoryStream(bytes[3..]));
        var rows = reader.Enumerate(row => row[0..row.ColCount].ToStringsArray()).ToList();
        Assert.Equal(
        [
            ["Đơn vị", "Ghi chú", "Điểm"],
            ["Phường \"An Hòa\", Ninh Kiều", "hai\r\ndòng", "86.50"],
            ["'=1+1", "'-x", "-2"],
            ["", "", "3"],
        ], rows);
        Assert.EndsWith("\r\n,,3\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvWrite_RowsOfDifferentLengths_AreWrittenWithTheirOwnCells()
    {
        var text = Encoding.UTF8.GetString(CsvExport.Write(new ExportSheet("Thử", ["a", "b", "c"], [["x"], ["y", 1, 2m, "thừa"]]))[3..]);

        Assert.Equal("a,b,c\r\nx\r\ny,1,2.00,thừa\r\n", text);
    }

    [Fact]
    public void SheetNames_LongForbiddenReservedAndDuplicateNames_BecomeLegalAndUnique()
    {
        var names = SheetNames.MakeUnique([LongBlock, LongBlock + " (bản 2)", "'Báo cáo'", "History", "", "THÔNG TIN", "Thông tin"]);

        Assert.Equal(["Khối  A   quận huyện, thị xã có", "Khối  A   quận huyện, thị (2)", "Báo cáo", "Trang", "Trang (2)", "THÔNG TIN", "Thông tin (2)"],
            names);
        Assert.All(names, n => Assert.True(n.Length <= SheetNames.MaxLength, n));
        Assert.All(names, n => Assert.Equal(-1, n.IndexOfAny([':', '\\', '/', '?', '*', '[', ']'])));
    }

    [Fact]
    public void SheetNames_LongBlockName_IsCutAtAWordBoundaryNotMidWord()
    {
        var names = SheetNames.MakeUnique(["Cơ quan chuyên môn thuộc UBND thành phố và Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ"]);

        Assert.Equal(["Cơ quan chuyên môn thuộc UBND"], names);
    }

    [Fact]
    public void LeaderboardExport_InjectedUnitNames_AreNeutralisedInTheWorkbookAndTheCsv()
    {
        var engine = Engine();
        var standings = engine.StandingsAsOf(AsOf);
        var scores = engine.Scores(Units.Select(u => u.Code), AsOf);

        var workbook = XlsxExport.Write(LeaderboardExport.BlockSheets(Rules, standings, scores), ExportColumns.Styles(Rules));
        var csv = Encoding.UTF8.GetString(CsvExport.Write(LeaderboardExport.Table(Rules, standings, scores))[3..]).Split("\r\n");

        using var stream = new MemoryStream(workbook);
        var names = stream.GetSheetNames();
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true, sheetName: names[0]).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Khối  A   quận huyện, thị xã có", "Khối  A   quận huyện, thị (2)"], names);
        Assert.Equal(["u-minus", "u-formula", "u-plus", "u-at"], rows.Select(r => (string)r["Mã đơn vị"]!));
        Assert.Equal(["'-x", "'=HYPERLINK(\"http://x.invalid\",\"bấm\")", "'+1", "'@cmd"], rows.Select(r => (string)r["Đơn vị"]!));
        Assert.Equal([1d, 2d, 0d, -3d], rows.Select(r => Assert.IsType<double>(r["Biến động"])));
        Assert.Equal([86.67d, 70d, 60d, 50d], rows.Select(r => Assert.IsType<double>(r["Điểm"])));
        Assert.Equal(0.5d, Assert.IsType<double>(rows[1]["đ"]));
        Assert.Equal(0d, Assert.IsType<double>(rows[2]["đ"]));     // no data: 0 of 5
        Assert.Null(rows[3]["đ"]);                                 // nothing arose, left out

        Assert.Equal(7, csv.Length); // header, five units, the final line end
        Assert.Equal("Khối,Nhóm,Hạng,Mã đơn vị,Đơn vị,Điểm,Số hồ sơ,Biến động,a,đ", csv[0]);
        Assert.Equal($"\"{LongBlock}\",Toàn khối,1,u-minus,'-x,86.67,100,1,8.00,5.00", csv[1]);
        Assert.Equal($"\"{LongBlock}\",Toàn khối,2,u-formula,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"bấm\"\")\",70.00,100,2,10.00,0.50", csv[2]);
        Assert.Equal($"\"{LongBlock}\",Toàn khối,4,u-at,'@cmd,50.00,100,-3,5.00,", csv[4]);
        Assert.Equal($"\"{LongBlock} (bản 2)\",Chưa xếp nhóm,1,u-plain,Phường Bình thường,0.00,,0,0.00,", csv[5]);
    }

    [Fact]
    public void AwardExport_PassedOverUnits_ComeFirstByRankWithTheirReasonsJoined()
    {
        var proposal = Engine().Awards(AsOf);

        var csv = Encoding.UTF8.GetString(CsvExport.Write(AwardExport.Sheet(Rules, proposal))[3..]).Split("\r\n");

        Assert.Equal(AwardKind.Rank, Assert.Single(proposal.Slots).Kind);
        Assert.Equal(6, csv.Length); // header, four units, the final line end
        Assert.Equal($"\"{LongBlock}\",Toàn khối,Theo hạng,1,u-minus,'-x,86.67,Không,Không đủ điều kiện,Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024.", csv[1]);
        Assert.Equal($"\"{LongBlock}\",Toàn khối,Theo hạng,2,u-formula,\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"bấm\"\")\",70.00,Không,Không đủ điều kiện,"
            + "\"Chưa ghi nhận đăng ký thi đua trước ngày 15/04/2024. Nội dung đ chưa đạt tiêu chí Nghị quyết 02: 10,00% (yêu cầu từ 50,00%).\"", csv[2]);
        Assert.StartsWith($"\"{LongBlock}\",Toàn khối,Theo hạng,3,u-plus,'+1,60.00,Không,Không đủ điều kiện,\"Đăng ký thi đua ngày 01/05/2024", csv[3]);
        Assert.Equal($"\"{LongBlock}\",Toàn khối,Theo hạng,4,u-at,'@cmd,50.00,Không,Đề xuất,Chưa đánh giá tiêu chuẩn Nghị quyết 02.", csv[4]);
    }
}
