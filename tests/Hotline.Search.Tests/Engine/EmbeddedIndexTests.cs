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
}
