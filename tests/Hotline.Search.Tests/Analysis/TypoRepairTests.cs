using Hotline.Search.Analysis;
using Hotline.Search.Lexicon;

namespace Hotline.Search.Tests.Analysis;

public sealed class TypoRepairTests
{
    private static readonly HashSet<ulong> Known =
    [
        TermKey.Bigram('公', '积'), TermKey.Bigram('积', '金'), TermKey.Bigram('社', '保'), TermKey.Bigram('保', '卡'),
    ];

    private static int Frequency(ulong key) => Known.Contains(key) ? 10 : 0;

    [Fact]
    public void Repair_NearHomophoneTheIndexKnows_IsSwappedIn()
    {
        // 经 (jing) for 金 (jin): a front/back nasal slip, not an exact homophone.
        Assert.Equal("公积金怎么提", TypoRepair.Repair("公积经怎么提", CharacterVariants.Default, Frequency, 8));
    }

    [Fact]
    public void Repair_TextTheIndexKnows_IsLeftAlone()
    {
        Assert.Null(TypoRepair.Repair("公积金", CharacterVariants.Default, Frequency, 8));
    }

    [Fact]
    public void NearKey_BlursNasalsAndRetroflexes()
    {
        Assert.Equal(CharacterVariants.NearKey("jin"), CharacterVariants.NearKey("jing"));
        Assert.Equal(CharacterVariants.NearKey("si"), CharacterVariants.NearKey("shi"));
        Assert.NotEqual(CharacterVariants.NearKey("ji"), CharacterVariants.NearKey("jin"));
        Assert.Contains('金', CharacterVariants.Default.Of('经').ToArray());
    }

    [Fact]
    public void Plan_TypoInsideALexiconPhrase_StillExpands()
    {
        var lexicon = ColloquialLexicon.Parse("@source test\n社保卡丢了 => 挂失补办\n");
        var planner = new QueryPlanner(SynonymTable.Empty, CharacterVariants.Default, lexicon, lexiconWeight: 0.5f);

        var plan = planner.Plan("社报卡丢了", Frequency);

        Assert.Contains(plan.Phrases, p => p.Text == "挂失补办");
    }

    [Fact]
    public void Plan_LengthNorm_SharesAnOfficialTermsWeightAmongItsBigrams()
    {
        var lexicon = ColloquialLexicon.Parse("@source test\n卡里有钱 => 预付卡退费纠纷\n");
        var planner = new QueryPlanner(SynonymTable.Empty, CharacterVariants.Default, lexicon, lexiconWeight: 0.6f) { LexiconLengthNorm = 1f };

        var plan = planner.Plan("卡里有钱", _ => 1);

        // 预付卡退费纠纷 has six bigrams: each carries a sixth of 0.6.
        var term = Assert.Single(plan.Terms, t => t.Key == TermKey.Bigram('纠', '纷'));
        Assert.Equal(0.1f, term.Weight, 1e-4f);
    }
}
