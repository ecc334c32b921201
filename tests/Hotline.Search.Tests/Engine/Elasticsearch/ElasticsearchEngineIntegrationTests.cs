using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Elasticsearch;
using Hotline.Search.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Search.Tests.Engine.Elasticsearch;

/// <summary>Against a real Elasticsearch 9 named by HOTLINE_ES_URL; skipped when unset.</summary>
public sealed class ElasticsearchEngineIntegrationTests
{
    private static ElasticsearchEngine Create(string alias)
    {
        var url = Environment.GetEnvironmentVariable("HOTLINE_ES_URL")!;
        var options = new ElasticsearchOptions { Url = url, Alias = alias };
        return new ElasticsearchEngine(ElasticsearchEngine.CreateClient(options), options, TimeProvider.System, NullLogger<ElasticsearchEngine>.Instance);
    }

    [ElasticsearchFact]
    public async Task Rebuild_ThenSearch_FindsDemoArticlesWithFilters()
    {
        var engine = Create("hotline-kb-test-" + Guid.NewGuid().ToString("N")[..8]);
        await engine.RebuildAsync(DemoCorpus.Articles());

        var hits = await engine.SearchAsync(new SearchRequest("社保卡丢了怎么补办"));
        var filtered = await engine.SearchAsync(new SearchRequest("补贴", Category: "就业劳动", Limit: 50));

        Assert.Contains(hits.Hits.Take(3), h => h.ArticleId == "KB-0003");
        Assert.All(filtered.Hits, h => Assert.Equal("就业劳动", h.Category));
    }

    [ElasticsearchFact]
    public async Task Rebuild_Twice_SwapsAliasWithoutLosingSearch()
    {
        var engine = Create("hotline-kb-test-" + Guid.NewGuid().ToString("N")[..8]);
        await engine.RebuildAsync(DemoCorpus.Articles().Take(10).ToList());
        await engine.RebuildAsync(DemoCorpus.Articles());

        // The second index (90 articles) is live: more than the first one's 10 match a broad query.
        Assert.True((await engine.SearchAsync(new SearchRequest("办理 申请", Limit: 1))).Total > 10);
        Assert.NotEmpty(await engine.SuggestAsync("社会保障卡"));
    }

    [ElasticsearchFact]
    public async Task UpsertAndDelete_AreVisibleToSearch()
    {
        var engine = Create("hotline-kb-test-" + Guid.NewGuid().ToString("N")[..8]);
        await engine.RebuildAsync(DemoCorpus.Articles());
        var article = DemoCorpus.Articles()[0] with { Id = "KB-9999", Title = "蜂窝煤炉取暖安全须知", Keywords = ["蜂窝煤"], Content = "注意通风。" };

        await engine.UpsertAsync(article);
        var found = await engine.SearchAsync(new SearchRequest("蜂窝煤"));
        await engine.DeleteAsync("KB-9999");
        var gone = await engine.SearchAsync(new SearchRequest("蜂窝煤"));

        Assert.Equal("KB-9999", found.Hits[0].ArticleId);
        Assert.Equal(0, gone.Total);
    }
}
