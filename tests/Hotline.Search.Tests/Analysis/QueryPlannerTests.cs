using Hotline.Search.Analysis;

namespace Hotline.Search.Tests.Analysis;

public sealed class QueryPlannerTests
{
    private static readonly QueryPlanner Planner = new(SynonymTable.Empty, CharacterVariants.Default);

    [Fact]
    public void Plan_UnknownBigramWithKnownHomophone_AddsRepairedTerm()
    {
        var known = new HashSet<ulong> { TermKey.Bigram('社', '保'), TermKey.Bigram('保', '卡') };

        var plan = Planner.Plan("社宝卡", k => known.Contains(k) ? 10 : 0);

        Assert.Contains(plan.Terms, t => t.Key == TermKey.Bigram('社', '保') && t.Weight < 1);
        Assert.Contains(plan.Terms, t => t.Key == TermKey.Bigram('保', '卡'));
    }

    [Fact]
    public void Plan_KnownBigrams_AddsNoVariants()
    {
        var plan = Planner.Plan("社保", _ => 5);

        Assert.Single(plan.Terms);
    }

    [Fact]
    public void Plan_FillerWords_DoNotBecomeTerms()
    {
        var plan = Planner.Plan("请问办展览需要什么手续", _ => 1);

        Assert.DoesNotContain(plan.Terms, t => t.Key == TermKey.Bigram('要', '什'));
        Assert.DoesNotContain(plan.Terms, t => t.Key == TermKey.Bigram('请', '问'));
        Assert.Contains(plan.Terms, t => t.Key == TermKey.Bigram('展', '览'));
        Assert.Contains(plan.Terms, t => t.Key == TermKey.Bigram('手', '续'));
    }

    [Fact]
    public void Plan_OnlyFiller_StillSearchesTheWords()
    {
        var plan = Planner.Plan("怎么办", _ => 1);

        Assert.NotEmpty(plan.Terms);
    }

    [Fact]
    public void Plan_SynonymMember_AddsOtherMemberTermsAtLowerWeight()
    {
        var planner = new QueryPlanner(SynonymTable.Parse("社会保障卡 = 社保卡"), CharacterVariants.Default);

        var plan = planner.Plan("社保卡", _ => 1);

        Assert.Contains(plan.Terms, t => t.Key == TermKey.Bigram('障', '卡') && t.Weight < 1);
    }
}
