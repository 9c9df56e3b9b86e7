using ThiDua.Dashboard.Campaigns;
using ThiDua.Dashboard.Campaigns.Files;
using ThiDua.Scoring.Awards;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Tests.Campaigns;

public sealed class CampaignFileWriterTests
{
    [Fact]
    public void Write_ThenRead_GivesTheSameCampaignEveryFieldIncluded()
    {
        // Every optional field set, so nothing the writer leaves out when empty goes unchecked.
        var definition = new CampaignDefinition(
            new CampaignRules
            {
                Code = "ban-sao",
                Name = "Bản sao “có ngoặc” và dấu \\ gạch",
                TimeZone = "Asia/Bangkok",
                PeriodStart = new DateOnly(2027, 1, 1),
                PeriodEnd = new DateOnly(2027, 12, 31),
                RegistrationDeadline = new DateOnly(2027, 2, 28),
                DossierDeadline = new DateOnly(2028, 1, 10),
                ComparisonDays = 30,
                TieBreakers = ["y", "x"],
                Blocks = [new BlockRules { Code = "k", Name = "Khối", CommitteeSlots = [new CommitteeSlotRules { Code = "s", Name = "Suất", Count = 2, MinCityRating = CityRating.Kha }] }],
                Groups = [new GroupRules { Block = "k", Code = "g", Name = "Nhóm", MinDossiers = 10, MinInclusive = false, MaxDossiers = 20, MaxInclusive = true, AwardSlots = 3 },
                          new GroupRules { Block = "k", Code = "h", Name = "Còn lại", MinDossiers = 21, AwardSlots = 1 },
                          new GroupRules { Block = "k", Code = "n", Name = "Ít", MaxDossiers = 11, AwardSlots = 0 }],
                Indicators = [new IndicatorRules { Code = "x", Name = "X", MaxPoints = 12.5m, FullCreditAt = 0.75m, WhenNothingArose = NothingArosePolicy.Zero, AppliesTo = ["k"], Nq02MinRate = 0.9m },
                              new IndicatorRules { Code = "y", Name = "Y", MaxPoints = 7m, FullCreditAt = 1m, WhenNothingArose = NothingArosePolicy.Full, AppliesTo = ["k"] }],
            },
            [new CampaignUnit("a", "Đơn vị A", "k", "Quận Một", new DateOnly(2027, 3, 1), new DateOnly(2027, 9, 30), []),
             new CampaignUnit("b", "Đơn vị B", "k", null, null, null, ["a", "cu-2026"])]);

        var text = CampaignFileWriter.WriteString(definition);
        var report = CampaignFileReader.Read(text);

        Assert.Empty(report.Errors);
        var read = report.Definition!;
        Assert.Equal(text, CampaignFileWriter.WriteString(read));
        Assert.Equal(definition.Rules with { Blocks = [], Groups = [], Indicators = [], TieBreakers = [] },
            read.Rules with { Blocks = [], Groups = [], Indicators = [], TieBreakers = [] });
        Assert.Equal(definition.Rules.Groups, read.Rules.Groups);
        Assert.Equal(definition.Rules.Blocks[0].CommitteeSlots, read.Rules.Blocks[0].CommitteeSlots);
        Assert.Equal(definition.Rules.Indicators.Select(i => i with { AppliesTo = [] }), read.Rules.Indicators.Select(i => i with { AppliesTo = [] }));
        Assert.Equal(definition.Units.Select(u => u with { Predecessors = [] }), read.Units.Select(u => u with { Predecessors = [] }));
        Assert.Equal(["a", "cu-2026"], read.Units[1].Predecessors);
    }

    [Fact]
    public void Write_SameRateWithTrailingZeros_WritesTheSameFile()
    {
        var rules = GeneralityCampaign.Load();
        var padded = rules with { Rules = rules.Rules with { Indicators = [.. rules.Rules.Indicators.Select(i => i with { FullCreditAt = i.FullCreditAt * 1.000m })] } };

        Assert.Equal(CampaignFileWriter.WriteString(rules), CampaignFileWriter.WriteString(padded));
    }

    [Fact]
    public void Write_ShippedFile_IsByteForByteWhatIsInTheRepository()
    {
        var text = File.ReadAllText(CanTho2024.ShippedFilePath);

        Assert.Equal(text, CampaignFileWriter.WriteString(CampaignFileReader.Read(text).Definition!));
    }
}

public sealed class UnitLineageTests
{
    [Fact]
    public void ToUnitInfos_PredecessorInTheList_GetsMergedInto_OthersDoNot()
    {
        CampaignUnit[] units =
        [
            new("old", "Cũ", "k", null, null, new DateOnly(2024, 10, 31), []),
            new("split", "Tách", "k", null, null, null, []),
            new("new", "Mới", "k", null, null, null, ["old", "split", "from-2023"]),
            new("other", "Khác", "k", null, null, null, ["split"]),
        ];

        var infos = UnitLineage.ToUnitInfos(units).ToDictionary(u => u.Code);

        Assert.Equal("new", infos["old"].MergedInto);
        // Named by two successors: there is no single unit it merged into.
        Assert.Null(infos["split"].MergedInto);
        Assert.Null(infos["new"].MergedInto);
    }

    [Fact]
    public void FromUnitInfos_MergedInto_BecomesPredecessorsOfTheSuccessorInListOrder()
    {
        UnitInfo[] infos =
        [
            new("b", "B", "k", MergedInto: "c"),
            new("a", "A", "k", MergedInto: "c"),
            new("c", "C", "k"),
        ];

        var units = UnitLineage.FromUnitInfos(infos);

        Assert.Equal(["b", "a"], units.Single(u => u.Code == "c").Predecessors);
        Assert.All(units.Where(u => u.Code != "c"), u => Assert.Empty(u.Predecessors));
    }
}
