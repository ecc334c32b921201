using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Lexicon;
using Hotline.Search.Tests.Support;
using Hotline.Search.Usage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Search.Tests;

public sealed class KnowledgeLearningTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static (KnowledgeLearning Learning, EmbeddedSearchEngine Engine) Open(TempDirectory folder, bool seedDemo = false)
    {
        var time = new FakeTimeProvider(Start);
        var engine = new EmbeddedSearchEngine();
        engine.RebuildAsync(DemoCorpus.Articles()).GetAwaiter().GetResult();
        var learning = new KnowledgeLearning(new SqliteLexiconStore(folder.File("kb.db"), time), new SqliteArticleUseStore(folder.File("kb.db"), time),
            engine, NullLogger<KnowledgeLearning>.Instance);
        learning.Open(seedDemo);
        return (learning, engine);
    }

    [Fact]
    public void UpsertLexiconEntries_AfterRestart_StillExpandsQueries()
    {
        using var folder = new TempDirectory();
        var (learning, _) = Open(folder);
        learning.UpsertLexiconEntries([new LexiconEntry("蹭网", "统一身份认证", 1f, "")], "editor-1");

        var (reopened, engine) = Open(folder);

        var entry = Assert.Single(reopened.Lexicon.Entries, e => e.Colloquial == "蹭网");
        Assert.Equal("editor: editor-1", entry.Source);
        Assert.Same(reopened.Lexicon, engine.Lexicon);
        Assert.Contains(engine.PlanFor("蹭网").Phrases, p => p.Text == "统一身份认证");
    }

    [Fact]
    public void DeleteLexiconEntries_ShippedPair_StaysDeletedAfterRestart()
    {
        using var folder = new TempDirectory();
        var (learning, _) = Open(folder);
        var shipped = ColloquialLexicon.Shipped.Entries.First(e => e.Source.StartsWith("from department duties", StringComparison.Ordinal));

        var existed = learning.DeleteLexiconEntries([(shipped.Colloquial, shipped.Official), ("没有的词", "也没有")], "editor-1");

        Assert.Equal(1, existed);
        var (reopened, _) = Open(folder);
        Assert.DoesNotContain(reopened.Lexicon.Entries, e => e.Colloquial == shipped.Colloquial && e.Official == shipped.Official);
        Assert.Equal(ColloquialLexicon.Shipped.Entries.Count - 1, reopened.Lexicon.Entries.Count);
    }

    [Theory]
    [InlineData("", "统一身份认证", 1f, "entries[0].colloquial")]
    [InlineData("蹭网", "x", 1f, "entries[0].official")]
    [InlineData("蹭网", "统一身份认证", 0f, "entries[0].weight")]
    [InlineData("蹭网", "蹭网", 1f, "entries[0].official")]
    public void UpsertLexiconEntries_BadEntry_NamesTheFieldAndSavesNothing(string colloquial, string official, float weight, string field)
    {
        using var folder = new TempDirectory();
        var (learning, _) = Open(folder);

        var error = Assert.Throws<SearchInputException>(() => learning.UpsertLexiconEntries([new LexiconEntry(colloquial, official, weight, "s")], "editor-1"));

        Assert.Equal(field, error.Field);
        Assert.Equal(ColloquialLexicon.Shipped.Entries.Count, Open(folder).Learning.Lexicon.Entries.Count);
    }

    [Fact]
    public void UpsertLexiconEntries_NoEditorOrEmptyBatch_Refused()
    {
        using var folder = new TempDirectory();
        var (learning, _) = Open(folder);

        Assert.Equal("editor", Assert.Throws<SearchInputException>(() => learning.UpsertLexiconEntries([new LexiconEntry("蹭网", "统一身份认证", 1f, "s")], " ")).Field);
        Assert.Equal("entries", Assert.Throws<SearchInputException>(() => learning.UpsertLexiconEntries([], "editor-1")).Field);
    }

    [Fact]
    public void RecordArticleUse_AfterRestart_LiftsTheArticleForASimilarQuestion()
    {
        using var folder = new TempDirectory();
        var (learning, engine) = Open(folder);
        const string question = "家门口的共享单车堆成山了没法走路";
        // The runner-up without history, whichever it is as the lexicon grows: one agent's use must lift it first.
        var before = engine.Search(new SearchRequest(question, Limit: 10)).Hits.Select(h => h.ArticleId).ToList();
        var runnerUp = before[1];

        learning.RecordArticleUse(new ArticleUse("T-77", "小区门口人行道共享单车堆成山，推婴儿车都过不去", runnerUp, ArticleUseKind.Attached));

        var (reopened, reopenedEngine) = Open(folder);
        Assert.Equal(1, reopened.History.TicketCount);
        Assert.Equal(runnerUp, reopenedEngine.Search(new SearchRequest(question)).Hits[0].ArticleId);
    }
}
