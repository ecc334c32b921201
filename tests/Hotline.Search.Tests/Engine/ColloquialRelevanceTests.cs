using System.Text.Json;
using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Lexicon;
using Hotline.Search.Tests.Support;
using Hotline.Search.Usage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Search.Tests.Engine;

/// <summary>
/// The locked halves of the four question sets written blind to the articles (load/Hotline.SearchBench/
/// Data/blind4, Data/blind3, Data/blind and Data/colloquial), through the engine as the host composes it: shipped lexicon and
/// demo article-use history.
/// </summary>
public sealed class ColloquialRelevanceTests
{
    /// <summary>
    /// hit@1 on the fourth blind set's locked half (57 of 63 = 0.905), run once in round 5 after the weights were
    /// final. Its questions were written from the departments' duties before the articles were opened, but by the
    /// session that then tuned the engine (no lexicon entry was written that round; load/Hotline.SearchBench/Data/blind4).
    /// </summary>
    private const double Blind4LockedHit1Floor = 0.904;

    /// <summary>
    /// hit@1 on the third blind set's locked half (66 of 72 = 0.917 in rounds 4 and 5; 65 in round 3), the one no engine
    /// work has read: its questions were written from the departments' duties only and judged by their writer, and the
    /// engine was run on it once per round after the weights were final (load/Hotline.SearchBench/RESULTS.md).
    /// </summary>
    private const double Blind3LockedHit1Floor = 0.916;

    /// <summary>
    /// hit@1 on the second blind set's locked half (83 of 96 = 0.865 in rounds 4 and 5; 0.844 in round 3, 0.812 in round 2).
    /// That half was read while it was judged in round 2, so the floor only guards against regressions.
    /// </summary>
    private const double BlindLockedHit1Floor = 0.864;

    /// <summary>
    /// hit@1 on the colloquial set's locked half (66 of 83 = 0.795 in round 5; 65 in round 4, 63 in round 3). That half was
    /// read after the first round, so it is no longer a blind yardstick; the floor only guards against regressions.
    /// </summary>
    private const double ColloquialLockedHit1Floor = 0.795;

    private static EmbeddedSearchEngine ComposedEngine(TempDirectory folder)
    {
        var engine = new EmbeddedSearchEngine();
        engine.RebuildAsync(DemoCorpus.Articles()).GetAwaiter().GetResult();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        new KnowledgeLearning(new SqliteLexiconStore(folder.File("kb.db"), time), new SqliteArticleUseStore(folder.File("kb.db"), time),
            engine, NullLogger<KnowledgeLearning>.Instance).Open(seedDemoArticleUse: true);
        return engine;
    }

    [Theory]
    [InlineData("blind4-locked-judged.jsonl", 63, Blind4LockedHit1Floor)]
    [InlineData("blind3-locked-judged.jsonl", 72, Blind3LockedHit1Floor)]
    [InlineData("blind-locked-judged.jsonl", 96, BlindLockedHit1Floor)]
    [InlineData("colloquial-locked-judged.jsonl", 83, ColloquialLockedHit1Floor)]
    public void Search_LockedHalf_Hit1AtLeastTheRecordedValue(string file, int answeredCount, double floor)
    {
        using var folder = new TempDirectory();
        using var engine = ComposedEngine(folder);
        var answered = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", file))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Query: e.GetProperty("q").GetString()!,
                Answers: e.GetProperty("rel").EnumerateObject().Where(p => p.Value.GetInt32() >= 2).Select(p => p.Name).ToHashSet()))
            .Where(q => q.Answers.Count > 0)
            .ToList();

        var hits = answered.Count(q => engine.Search(new SearchRequest(q.Query, Limit: 1)).Hits is [var top] && q.Answers.Contains(top.ArticleId));

        Assert.Equal(answeredCount, answered.Count);
        Assert.True((double)hits / answered.Count >= floor, $"{file} hit@1 {(double)hits / answered.Count:F3} ({hits}) fell below {floor:F3}");
    }

    [Theory]
    [InlineData("社报卡丢了补一张要多久", "KB-0003")]
    [InlineData("身分证过期了咋换", "KB-0023")]
    [InlineData("公积今能取出来交房租吗", "KB-0006")]
    public void Search_TyposAndHomophones_StillFindTheArticle(string query, string expected)
    {
        using var folder = new TempDirectory();
        using var engine = ComposedEngine(folder);

        Assert.Equal(expected, engine.Search(new SearchRequest(query)).Hits[0].ArticleId);
    }

    [Fact]
    public async Task Search_ColloquialWordsOnly_LexiconBridgesToTheOfficialArticle()
    {
        using var plain = new EmbeddedSearchEngine { Lexicon = ColloquialLexicon.Empty };
        using var bridged = new EmbeddedSearchEngine();
        await plain.RebuildAsync(DemoCorpus.Articles());
        await bridged.RebuildAsync(DemoCorpus.Articles());
        const string query = "网上买的羽绒服洗了一回就跑绒，商家死活不给退";

        Assert.NotEqual("KB-0052", plain.Search(new SearchRequest(query)).Hits[0].ArticleId);
        Assert.Equal("KB-0052", bridged.Search(new SearchRequest(query)).Hits[0].ArticleId);
    }

    [Fact]
    public async Task Search_MisleadingLexiconEntry_ExpandsButNeverReplacesTheCallersWords()
    {
        using var engine = new EmbeddedSearchEngine
        {
            Lexicon = ColloquialLexicon.Parse("@source test\n社保卡丢了 => 结婚登记\n"),
        };
        await engine.RebuildAsync(DemoCorpus.Articles());

        var hits = engine.Search(new SearchRequest("社保卡丢了")).Hits;

        Assert.Equal("KB-0003", hits[0].ArticleId);
        Assert.Contains(engine.Search(new SearchRequest("社保卡丢了", Limit: 100)).Hits, h => h.ArticleId == "KB-0018");
    }
}
