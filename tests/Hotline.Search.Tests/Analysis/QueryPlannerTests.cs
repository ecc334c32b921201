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

    [Fact]
    public void Plan_SynonymGroupNorm_SharesTheGroupWeightAmongItsAlternatives()
    {
        var table = SynonymTable.Parse("饭店 = 餐馆 = 饭馆 = 小吃店 = 餐饮店");
        float WeightOf(QueryPlan plan, char a, char b) => plan.Terms.Single(t => t.Key == TermKey.Bigram(a, b)).Weight;

        var whole = new QueryPlanner(table, CharacterVariants.Default).Plan("饭店", _ => 1);
        var shared = new QueryPlanner(table, CharacterVariants.Default) { SynonymGroupNorm = 1 }.Plan("饭店", _ => 1);

        // Four alternatives: each keeps a quarter of the weight, the caller's own word all of it.
        Assert.Equal(WeightOf(whole, '餐', '馆') / 4, WeightOf(shared, '餐', '馆'), 1e-5f);
        Assert.Equal(WeightOf(whole, '小', '吃') / 4, WeightOf(shared, '小', '吃'), 1e-5f);
        Assert.Equal(1f, WeightOf(shared, '饭', '店'));
    }

    [Fact]
    public void Plan_KnownBigramVariantWeight_LowersOnlyVariantsOfKnownBigrams()
    {
        // 身分 is indexed but rare, 身份 far commoner; 社宝 is not indexed at all.
        var df = new Dictionary<ulong, int> { [TermKey.Bigram('身', '分')] = 1, [TermKey.Bigram('身', '份')] = 100, [TermKey.Bigram('社', '保')] = 10 };
        var planner = new QueryPlanner(SynonymTable.Empty, CharacterVariants.Default) { KnownBigramVariantWeight = 0.4f };

        var plan = planner.Plan("身分 社宝", k => df.GetValueOrDefault(k));

        Assert.Equal(0.4f, plan.Terms.Single(t => t.Key == TermKey.Bigram('身', '份')).Weight, 1e-5f);
        Assert.Equal(0.8f, plan.Terms.Single(t => t.Key == TermKey.Bigram('社', '保')).Weight, 1e-5f);
    }
}
