using Hotline.Search.Analysis;
using Hotline.Search.Demo;
using Hotline.Search.Engine.Embedded;

namespace Hotline.Search.Tests.Engine;

public sealed class EmbeddedIndexTests
{
    [Theory]
    [InlineData("社保卡丢了怎么补办", 0, 10)]
    [InlineData("办理 申请 材料 需要 提供 身份证", 0, 10)]
    [InlineData("公积金提取", 20, 10)]
    [InlineData("社保卡 办理 材料", 0, 3)]
    [InlineData("楼上邻居装修太吵了晚上还在施工，物业也不管，需要办理什么申请材料", 0, 10)]
    [InlineData("公司拖欠工资三个月了，想申请劳动仲裁，需要提供什么材料，办理流程是什么", 5, 5)]
    public void Score_WithPruning_RanksExactlyLikeFullScoring(string query, int skip, int count)
    {
        // Twenty copies of the demo corpus make common terms common enough for pruning to engage.
        var index = new EmbeddedIndex(RankingWeights.Default);
        foreach (var copy in Enumerable.Range(0, 20))
        {
            foreach (var article in DemoCorpus.Articles())
            {
                index.Add(article with { Id = $"{article.Id}-{copy}", Content = article.Content + new string('。', copy) });
            }
        }

        index.RefreshNorms();
        var plan = new QueryPlanner(SynonymTable.Default, CharacterVariants.Default).Plan(query, index.DocumentFrequency);

        var (prunedHits, prunedTotal) = index.Score(plan, [], null, null, null, skip, count);
        index.Pruning = false;
        var (fullHits, fullTotal) = index.Score(plan, [], null, null, null, skip, count);
        var pruned = prunedHits.Select(h => (h.Doc.Article.Id, h.Score)).ToList();
        var full = fullHits.Select(h => (h.Doc.Article.Id, h.Score)).ToList();

        // Pruning engaged (common terms no longer widen the candidates) yet the page is identical.
        Assert.True(prunedTotal < fullTotal, $"{prunedTotal} < {fullTotal}");

        Assert.Equal(full.Select(h => h.Id), pruned.Select(h => h.Id));
        Assert.Equal(full.Select(h => h.Score), pruned.Select(h => h.Score), (a, b) => Math.Abs(a - b) < 1e-4f);
    }

    [Fact]
    public void Score_CoverageExponent_ScalesDownAnArticleMatchingPartOfTheQuestion()
    {
        var template = DemoCorpus.Articles()[0];
        var partial = template with { Id = "A", Title = "开办餐饮店", Keywords = ["饭店"], Content = "开饭店要办营业执照和食品经营许可证。" };
        var whole = template with { Id = "B", Title = "食品安全举报", Keywords = ["吃出虫子"], Content = "在饭店吃出虫子、头发等异物可以举报。" };
        var filler = template with { Id = "C", Title = "停水报修", Keywords = ["停水"], Content = "停水时先查询计划停水信息。" };

        float ScoreOf(string id, float exponent)
        {
            var index = new EmbeddedIndex(RankingWeights.Default with { CoverageExponent = exponent });
            foreach (var article in new[] { partial, whole, filler })
            {
                index.Add(article);
            }

            index.RefreshNorms();
            var plan = new QueryPlanner(SynonymTable.Empty, CharacterVariants.Default).Plan("饭店吃出虫子", index.DocumentFrequency);
            return index.Score(plan, [], null, null, null, 0, 3).Hits.Single(h => h.Doc.Article.Id == id).Score;
        }

        // B matches every word of the question and keeps its score; A matches only 饭店 and loses part of it.
        Assert.Equal(ScoreOf("B", 0), ScoreOf("B", 1), 1e-3f);
        Assert.True(ScoreOf("A", 1) < ScoreOf("A", 0) * 0.8f, $"{ScoreOf("A", 1)} < 0.8 × {ScoreOf("A", 0)}");
    }

    [Fact]
    public void Score_LoneTitleFactor_DiscountsOnlyTitlesSharingOneQueryTerm()
    {
        var template = DemoCorpus.Articles()[0];
        var lone = template with { Id = "A", Title = "饭店开办指南", Keywords = ["开店"], Content = "开办需要营业执照。" };
        var several = template with { Id = "B", Title = "吃出虫子举报", Keywords = ["异物"], Content = "发现异物可以举报。" };
        var filler = template with { Id = "C", Title = "停水报修", Keywords = ["停水"], Content = "停水时先查询计划停水信息。" };

        float ScoreOf(string id, float factor)
        {
            var index = new EmbeddedIndex(RankingWeights.Default with { LoneTitleFactor = factor, CoverageExponent = 0 });
            foreach (var article in new[] { lone, several, filler })
            {
                index.Add(article);
            }

            index.RefreshNorms();
            var plan = new QueryPlanner(SynonymTable.Empty, CharacterVariants.Default).Plan("饭店吃出虫子", index.DocumentFrequency);
            return index.Score(plan, [], null, null, null, 0, 3).Hits.Single(h => h.Doc.Article.Id == id).Score;
        }

        // B's title shares three of the question's bigrams and keeps its score; A's shares only 饭店 and,
        // matching nowhere else, keeps little more than the marker score once its title part is gone.
        Assert.Equal(ScoreOf("B", 1), ScoreOf("B", 0), 1e-3f);
        Assert.True(ScoreOf("A", 0) < ScoreOf("A", 1) * 0.1f, $"{ScoreOf("A", 0)} < 0.1 × {ScoreOf("A", 1)}");
        Assert.True(ScoreOf("A", 0.5f) < ScoreOf("A", 1) && ScoreOf("A", 0.5f) > ScoreOf("A", 0));
    }
}
