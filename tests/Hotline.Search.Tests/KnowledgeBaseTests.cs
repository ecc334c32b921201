using System.Text;
using Hotline.Search.Articles;
using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Search.Tests;

public sealed class KnowledgeBaseTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static KnowledgeBase Open(TempDirectory folder, bool seed = true)
    {
        var store = new SqliteArticleStore(folder.File("kb.db"), new FakeTimeProvider(Start));
        var kb = new KnowledgeBase(store, new EmbeddedSearchEngine(), NullLogger<KnowledgeBase>.Instance, folder.File("synonyms.txt"));
        kb.OpenAsync(seed).GetAwaiter().GetResult();
        return kb;
    }

    [Fact]
    public async Task OpenAsync_EmptyStoreWithSeed_ImportsDemoCorpusAndSearches()
    {
        using var folder = new TempDirectory();
        var kb = Open(folder);

        var result = await kb.SearchAsync(new SearchRequest("社保卡丢了"));

        Assert.Equal("KB-0003", result.Hits[0].ArticleId);
        Assert.Equal("imported demo corpus", kb.GetArticle("KB-0003")!.History[0].Summary);
    }

    [Fact]
    public async Task OpenAsync_AfterRestart_RebuildsIndexFromStore()
    {
        using var folder = new TempDirectory();
        var first = Open(folder, seed: false);
        await first.UpsertArticleAsync(new ArticleDraft("KB-1", "蜂窝煤炉取暖安全", "公用事业", "rq", ["煤炉"], "个人", "注意通风。"), "alice");

        var second = Open(folder, seed: false);

        Assert.Equal("KB-1", (await second.SearchAsync(new SearchRequest("蜂窝煤"))).Hits[0].ArticleId);
        Assert.Equal(1, (await second.SearchAsync(new SearchRequest("取暖", Limit: 100))).Total);
    }

    [Fact]
    public async Task ImportJsonLinesAsync_OneBadLine_ImportsNothingAndReportsIt()
    {
        using var folder = new TempDirectory();
        var kb = Open(folder, seed: false);
        var lines = DemoCorpus.ArticlesJsonLines().Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(5).ToList();
        lines.Insert(3, "{\"id\":\"KB-X\"}");

        var report = await kb.ImportJsonLinesAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "alice");

        Assert.False(report.Succeeded);
        Assert.Equal(0, report.Imported);
        Assert.Equal(4, Assert.Single(report.Errors).Line);
        Assert.Equal(0, (await kb.SearchAsync(new SearchRequest("社保卡"))).Total);
        Assert.Null(kb.GetArticle("KB-0001"));
    }

    [Fact]
    public async Task ImportJsonLinesAsync_GoodBatch_ImportsAllAndExportRoundTrips()
    {
        using var folder = new TempDirectory();
        var kb = Open(folder, seed: false);

        var report = await kb.ImportJsonLinesAsync(new MemoryStream(Encoding.UTF8.GetBytes(DemoCorpus.ArticlesJsonLines())), "alice");
        using var exported = new MemoryStream();
        kb.ExportJsonLines(exported);

        Assert.Equal(90, report.Imported);
        Assert.Equal(DemoCorpus.ArticlesJsonLines().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length,
            Encoding.UTF8.GetString(exported.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("KB-0046", (await kb.SearchAsync(new SearchRequest("开饭馆"))).Hits[0].ArticleId);
    }

    [Fact]
    public async Task ImportMarkdownFolderAsync_ExportedFolder_ImportsIntoEmptyBase()
    {
        using var source = new TempDirectory();
        using var target = new TempDirectory();
        Open(source).ExportMarkdownFolder(source.File("md"));
        var kb = Open(target, seed: false);

        var report = await kb.ImportMarkdownFolderAsync(source.File("md"), "alice");

        Assert.Equal(90, report.Imported);
        Assert.Equal(DemoCorpus.Articles()[10].Content, kb.GetArticle(DemoCorpus.Articles()[10].Id)!.Content);
    }

    [Fact]
    public async Task SetSynonymsAsync_NewGroup_ChangesResultsAndSurvivesRestart()
    {
        using var folder = new TempDirectory();
        var kb = Open(folder);
        var before = await kb.SearchAsync(new SearchRequest("蓝本本", Limit: 5));

        await kb.SetSynonymsAsync(kb.SynonymsText + "驾驶证 = 蓝本本\n");
        var after = await Open(folder).SearchAsync(new SearchRequest("蓝本本", Limit: 5));

        Assert.DoesNotContain(before.Hits, h => h.ArticleId == "KB-0019");
        Assert.Equal("KB-0019", after.Hits[0].ArticleId);
    }

    [Fact]
    public async Task DeleteArticleAsync_RemovesFromSearchAndStore()
    {
        using var folder = new TempDirectory();
        var kb = Open(folder);

        Assert.True(await kb.DeleteArticleAsync("KB-0003", "alice"));
        Assert.False(await kb.DeleteArticleAsync("KB-0003", "alice"));

        Assert.Null(kb.GetArticle("KB-0003"));
        Assert.DoesNotContain((await kb.SearchAsync(new SearchRequest("社保卡挂失"))).Hits, h => h.ArticleId == "KB-0003");
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc/passwd")]
    [InlineData("KB\u0000")]
    public void GetArticle_MalformedId_ThrowsSearchInputException(string id)
    {
        using var folder = new TempDirectory();
        var kb = Open(folder, seed: false);

        Assert.Throws<SearchInputException>(() => kb.GetArticle(id));
    }

    [Fact]
    public async Task UpsertArticleAsync_HugeBinaryContent_IsRejectedAndNothingChanges()
    {
        using var folder = new TempDirectory();
        var kb = Open(folder);
        var binary = Encoding.Latin1.GetString(Enumerable.Range(0, 1_000_000).Select(i => (byte)(i % 256)).ToArray());

        await Assert.ThrowsAsync<SearchInputException>(() =>
            kb.UpsertArticleAsync(new ArticleDraft("KB-0003", "t", "c", "d", [], "个人", binary), "alice"));

        Assert.Equal(1, kb.GetArticle("KB-0003")!.Version);
    }
}
