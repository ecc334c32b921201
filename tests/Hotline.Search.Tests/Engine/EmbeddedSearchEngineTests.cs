using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Tests.Support;

namespace Hotline.Search.Tests.Engine;

public sealed class EmbeddedSearchEngineTests : IClassFixture<DemoEngine>
{
    private readonly EmbeddedSearchEngine _engine;

    public EmbeddedSearchEngineTests(DemoEngine demo) => _engine = demo.Engine;

    [Theory]
    [InlineData("社保卡丢了怎么补办", "KB-0003")]
    [InlineData("社宝卡丢了咋补", "KB-0003")]
    [InlineData("租房子能不能把公基金取出来", "KB-0006")]
    [InlineData("駕駛證到期換證", "KB-0019")]
    [InlineData("想开个饭馆要办哪些证", "KB-0046")]
    [InlineData("厨房有股煤气味怎么办", "KB-0037")]
    [InlineData("95598", "KB-0036")]
    public void Search_ColloquialQuery_RanksExpectedArticleFirst(string query, string expected)
    {
        var result = _engine.Search(new SearchRequest(query));

        Assert.Equal(expected, result.Hits[0].ArticleId);
    }

    [Fact]
    public void Search_TitleMatch_OutranksContentOnlyMatch()
    {
        var hits = _engine.Search(new SearchRequest("结婚登记", Limit: 5)).Hits;

        Assert.Equal("KB-0018", hits[0].ArticleId);
    }

    [Fact]
    public void Search_CategoryFilter_ReturnsOnlyThatCategory()
    {
        var result = _engine.Search(new SearchRequest("补贴", Category: "就业劳动", Limit: 50));

        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Equal("就业劳动", h.Category));
        Assert.Equal(result.Hits.Count, result.Total);
    }

    [Fact]
    public void Search_DepartmentAndAppliesToFilters_Combine()
    {
        var result = _engine.Search(new SearchRequest("申请", Department: "rsj", AppliesTo: "企业", Limit: 50));

        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h =>
        {
            Assert.Equal("rsj", h.Department);
            Assert.Contains("企业", h.AppliesTo, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Search_Paging_SecondPageContinuesFirst()
    {
        var all = _engine.Search(new SearchRequest("办理", Limit: 10)).Hits.Select(h => h.ArticleId).ToList();
        var first = _engine.Search(new SearchRequest("办理", Limit: 5)).Hits.Select(h => h.ArticleId);
        var second = _engine.Search(new SearchRequest("办理", Offset: 5, Limit: 5)).Hits.Select(h => h.ArticleId);

        Assert.Equal(all, first.Concat(second));
    }

    [Fact]
    public void Search_Hit_HasSnippetWithHighlightedQueryTerms()
    {
        var hit = _engine.Search(new SearchRequest("异地就医备案")).Hits[0];

        Assert.NotEmpty(hit.Snippet.Highlights);
        Assert.All(hit.Snippet.Highlights, r => Assert.InRange(r.Start + r.Length, 1, hit.Snippet.Text.Length));
        Assert.Contains("<em>", hit.Snippet.ToMarked("<em>", "</em>"), StringComparison.Ordinal);
        Assert.Contains(hit.Snippet.Highlights, r => hit.Snippet.Text.Substring(r.Start, r.Length).Contains("异地", StringComparison.Ordinal));
        Assert.Contains("<b>异地就医备案</b>", hit.TitleHighlight.ToMarked("<b>", "</b>"), StringComparison.Ordinal);
        Assert.True(hit.Snippet.Text.Length <= 100);
    }

    [Fact]
    public void Search_SingleCharacter_MatchesWordsContainingIt()
    {
        var result = _engine.Search(new SearchRequest("税", Limit: 5));

        Assert.True(result.Total > 2);
        Assert.Contains(result.Hits, h => h.Title.Contains('税', StringComparison.Ordinal));
    }

    [Fact]
    public void Suggest_TitlePrefix_ListsTitlesStartingWithItFirst()
    {
        var suggestions = _engine.Suggest("社会保障卡", 5);

        Assert.Equal(["KB-0002", "KB-0003"], suggestions.Take(2).Select(s => s.ArticleId).Order());
        Assert.Equal(new TextRange(0, 5), suggestions[0].Title.Highlights[0]);
    }

    [Fact]
    public void Suggest_InfixText_FindsTitleContainingIt()
    {
        var suggestions = _engine.Suggest("公积金", 10);

        Assert.Contains(suggestions, s => s.ArticleId == "KB-0006");
        Assert.All(suggestions, s => Assert.Contains("公积金", s.Title.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Suggest_Typo_FallsBackToRankedTitles()
    {
        var suggestions = _engine.Suggest("社宝卡", 3);

        Assert.Contains(suggestions, s => s.ArticleId is "KB-0002" or "KB-0003");
    }

    [Fact]
    public async Task UpsertAndDelete_ChangeSearchResults()
    {
        using var engine = new EmbeddedSearchEngine();
        await engine.RebuildAsync(DemoCorpus.Articles());
        var article = DemoCorpus.Articles()[0] with { Id = "KB-9999", Title = "蜂窝煤炉取暖安全须知", Keywords = ["蜂窝煤"], Content = "冬季使用蜂窝煤炉注意通风。" };

        await engine.UpsertAsync(article);
        var found = engine.Search(new SearchRequest("蜂窝煤")).Hits[0].ArticleId;
        await engine.UpsertAsync(article with { Title = "煤炉安全", Keywords = [], Content = "注意通风。" });
        var afterEdit = engine.Search(new SearchRequest("蜂窝煤")).Total;
        await engine.DeleteAsync("KB-9999");
        var afterDelete = engine.Search(new SearchRequest("煤炉安全")).Hits.Select(h => h.ArticleId);

        Assert.Equal("KB-9999", found);
        Assert.Equal(0, afterEdit);
        Assert.DoesNotContain("KB-9999", afterDelete);
        Assert.Equal(90, engine.Statistics().Articles);
    }

    [Fact]
    public async Task Upsert_ManyReplacements_CompactsAndKeepsResults()
    {
        using var engine = new EmbeddedSearchEngine();
        var articles = DemoCorpus.Articles();
        await engine.RebuildAsync(articles);

        for (var round = 0; round < 3; round++)
        {
            foreach (var article in articles)
            {
                await engine.UpsertAsync(article);
            }
        }

        using var fresh = new EmbeddedSearchEngine();
        await fresh.RebuildAsync(articles);
        Assert.Equal(fresh.Search(new SearchRequest("办理", Limit: 100)).Total, engine.Search(new SearchRequest("办理", Limit: 100)).Total);
        Assert.Equal(90, engine.Statistics().Articles);
        Assert.Equal("KB-0003", engine.Search(new SearchRequest("社保卡丢了")).Hits[0].ArticleId);
    }

    [Fact]
    public void Search_HistoryHalfLength_DampsTheLiftOfAShortQuestion()
    {
        var history = new Hotline.Search.Usage.ArticleUseHistory();
        history.Record(new Hotline.Search.Usage.ArticleUse("T-1", "买了房还商业贷款，想提取公积金冲还贷", "KB-0007", Hotline.Search.Usage.ArticleUseKind.Attached));

        double ScoreOf(float halfLength, bool withHistory)
        {
            using var engine = new EmbeddedSearchEngine(null, null, RankingWeights.Default with { HistoryHalfLength = halfLength })
            {
                History = withHistory ? history : null,
            };
            engine.RebuildAsync(DemoCorpus.Articles()).GetAwaiter().GetResult();
            return engine.Search(new SearchRequest("提取公积金", Limit: 10)).Hits.Single(h => h.ArticleId == "KB-0007").Score;
        }

        // The past ticket lifts KB-0007 either way; a half-length keeps only part of that lift for a short question.
        Assert.True(ScoreOf(0, withHistory: false) < ScoreOf(8, withHistory: true), "the damped lift still lifts");
        Assert.True(ScoreOf(8, withHistory: true) < ScoreOf(0, withHistory: true), "the damped lift is smaller");
    }
}
