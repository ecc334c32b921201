using Hotline.Search.Lexicon;

namespace Hotline.Search.Tests.Lexicon;

public sealed class ColloquialLexiconTests
{
    [Fact]
    public void Parse_LineWithAlternatives_MakesEveryPairWithTheSourceAndWeight()
    {
        var lexicon = ColloquialLexicon.Parse("@source hand-written: housing\n楼上漏水 | 天花板漏水 => 房屋渗漏 | 漏水维修 *0.8\n");

        Assert.Equal(4, lexicon.Entries.Count);
        Assert.All(lexicon.Entries, e => Assert.Equal("hand-written: housing", e.Source));
        Assert.All(lexicon.Entries, e => Assert.Equal(0.8f, e.Weight));
        Assert.Contains(lexicon.Entries, e => e.Colloquial == "天花板漏水" && e.Official == "漏水维修");
        Assert.Equal(2, lexicon.ColloquialCount);
    }

    [Fact]
    public void Parse_TermOnBothSides_SkipsTheIdenticalPair()
    {
        var lexicon = ColloquialLexicon.Parse("@source s\n注册公司 | 开公司 => 企业开办 | 注册公司\n");

        Assert.DoesNotContain(lexicon.Entries, e => e.Colloquial == e.Official);
        Assert.Equal(3, lexicon.Entries.Count);
    }

    [Theory]
    [InlineData("楼上漏水 => 房屋渗漏\n", "line 1: an entry before any @source line")]
    [InlineData("@source s\n楼上漏水 房屋渗漏\n", "line 2: expected 'colloquial => official'")]
    [InlineData("@source s\n漏 => 房屋渗漏\n", "line 2: colloquial '漏' must be 2-32 characters")]
    [InlineData("@source s\n楼上漏水 => 房屋渗漏 *x\n", "line 2: weight after '*' is not a number")]
    [InlineData("@source s\n楼上漏水 => 房屋渗漏 *5\n", "line 2: weight '楼上漏水' must be above 0 and at most 2")]
    public void Parse_MalformedLine_NamesFileAndLine(string text, string expected)
    {
        var error = Assert.Throws<SearchInputException>(() => ColloquialLexicon.Parse(text, "x.txt"));

        Assert.Equal("lexicon", error.Field);
        Assert.Equal("x.txt " + expected, error.Reason);
    }

    [Fact]
    public void Shipped_AllDataFiles_ParseIntoThousandsOfEntriesEachWithASource()
    {
        var lexicon = ColloquialLexicon.Shipped;

        Assert.True(lexicon.Entries.Count >= 3000, $"only {lexicon.Entries.Count} entries");
        Assert.All(lexicon.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        Assert.Contains(lexicon.Entries, e => e.Source.StartsWith("from department duties", StringComparison.Ordinal));
        Assert.Contains(lexicon.Entries, e => e.Source.StartsWith("from article keywords", StringComparison.Ordinal));
        Assert.Contains(lexicon.Entries, e => e.Source.StartsWith("from labelled tickets", StringComparison.Ordinal));
    }

    [Fact]
    public void MatchesIn_FillerInsideThePhrase_StillMatchesAtLowerWeight()
    {
        var lexicon = ColloquialLexicon.Parse("@source s\n开小卖部 => 个体工商户\n");

        var exact = lexicon.MatchesIn("想开小卖部");
        var gapped = lexicon.MatchesIn("俺想开个小卖部");

        Assert.Equal(("开小卖部", "个体工商户", 1f), Assert.Single(exact));
        var match = Assert.Single(gapped);
        Assert.Equal("个体工商户", match.Official);
        Assert.True(match.Weight < 1f);
        Assert.Empty(lexicon.MatchesIn("小卖部"));
    }

    [Fact]
    public void MatchesIn_DeBetweenVerbAndObject_DoesNotMatch()
    {
        // 新开的小饭馆 names a restaurant; it is not about opening one.
        var lexicon = ColloquialLexicon.Parse("@source s\n开小饭馆 => 开办餐饮店\n");

        Assert.Empty(lexicon.MatchesIn("楼下新开的小饭馆后厨有老鼠"));
        Assert.Single(lexicon.MatchesIn("想开个小饭馆"));
    }

    [Theory]
    [InlineData("邻居家的狗天天叫", "狗叫")]
    [InlineData("楼上水压太低了", "水压低")]
    [InlineData("工资老是拖着不发", "工资拖")]
    public void MatchesIn_AdverbInsideThePhrase_StillMatchesAtLowerWeight(string query, string phrase)
    {
        var lexicon = ColloquialLexicon.Parse($"@source s\n{phrase} => 官方说法\n");

        var match = Assert.Single(lexicon.MatchesIn(query));

        Assert.Equal((phrase, "官方说法"), (match.Colloquial, match.Official));
        Assert.True(match.Weight < 1f);
    }

    [Fact]
    public void MatchesIn_NegationOrRepayInsideThePhrase_DoesNotMatch()
    {
        var lexicon = ColloquialLexicon.Parse("@source s\n狗叫 => 犬只扰民\n公积金贷 => 公积金贷款\n");

        Assert.Empty(lexicon.MatchesIn("狗不叫了"));
        Assert.Empty(lexicon.MatchesIn("用公积金还贷"));
    }

    [Fact]
    public void With_UpsertAndDeletion_OverridesAndRemovesPairs()
    {
        var lexicon = ColloquialLexicon.Parse("@source s\n车被贴条 | 贴罚单 => 违法停车处理\n");

        var changed = lexicon.With([new LexiconEntry("车被贴条", "违法停车处理", 1.5f, "editor: e-1")], [("贴罚单", "违法停车处理")]);

        var entry = Assert.Single(changed.Entries);
        Assert.Equal(1.5f, entry.Weight);
        Assert.Equal("editor: e-1", entry.Source);
        Assert.Equal(2, lexicon.Entries.Count);
    }

    [Fact]
    public void ElasticsearchSynonymRules_KeepTheCallersWordsAndDropWeakEntries()
    {
        var lexicon = ColloquialLexicon.Parse("@source s\n车被贴条 => 违法停车处理 | 交通违法\n贴罚单 => 违法停车处理 *0.3\n逗号,词 => 官方\n");

        var rules = lexicon.ElasticsearchSynonymRules();

        Assert.Equal(["车被贴条 => 车被贴条, 违法停车处理, 交通违法", "逗号\\,词 => 逗号\\,词, 官方"], rules);
    }

    [Fact]
    public void ToText_ParsedBack_GivesTheSameEntries()
    {
        var lexicon = ColloquialLexicon.Parse("@source a\n车被贴条 => 违法停车处理 *0.5\n@source b\n房东不退押金 => 房屋租赁纠纷\n");

        var again = ColloquialLexicon.Parse(lexicon.ToText());

        Assert.Equal(lexicon.Entries.OrderBy(e => e.Colloquial), again.Entries.OrderBy(e => e.Colloquial));
    }
}
