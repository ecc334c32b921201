using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;

namespace Hotline.Search.Tests.Engine;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Search_WhileArticlesChangeAndIndexRebuilds_AlwaysAnswersConsistently()
    {
        using var engine = new EmbeddedSearchEngine();
        var articles = DemoCorpus.Articles();
        await engine.RebuildAsync(articles);
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var round = 0; round < 6; round++)
            {
                foreach (var article in articles.Take(30))
                {
                    await engine.UpsertAsync(article with { Content = article.Content + "\n补充说明" + round });
                }

                await engine.RebuildAsync(articles);
            }

            stop.Cancel();
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var answered = 0;
            while (!stop.IsCancellationRequested)
            {
                var result = engine.Search(new SearchRequest("社保卡丢了怎么补办"));
                Assert.Equal("KB-0003", result.Hits[0].ArticleId);
                Assert.Equal(result.Hits.Select(h => h.ArticleId).Distinct().Count(), result.Hits.Count);
                answered++;
            }

            return answered;
        })).ToArray();

        await writer;
        var counts = await Task.WhenAll(readers);

        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal(90, engine.Statistics().Articles);
    }
}
