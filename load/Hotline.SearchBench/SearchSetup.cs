using Hotline.Search.Analysis;
using Hotline.Search.Demo;
using Hotline.Search.Engine;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Lexicon;
using Hotline.Search.Usage;

namespace Hotline.SearchBench;

/// <summary>The engines the relevance tables compare, over the demo corpus.</summary>
internal static class SearchSetup
{
    public static readonly Lazy<ArticleUseHistory> DemoHistory = new(() =>
    {
        var history = new ArticleUseHistory();
        history.Record(DemoCorpus.ArticleUses());

        return history;
    });

    /// <summary>The embedded engine over the demo articles with these weights; the lexicon and demo history as asked.</summary>
    public static EmbeddedSearchEngine Engine(RankingWeights weights, bool lexicon = true, bool history = true) =>
        Engine(weights, lexicon ? ColloquialLexicon.Shipped : ColloquialLexicon.Empty, history);

    /// <summary>The embedded engine over the demo articles with this lexicon.</summary>
    public static EmbeddedSearchEngine Engine(RankingWeights weights, ColloquialLexicon lexicon, bool history = true)
    {
        var engine = new EmbeddedSearchEngine(SynonymTable.Default, CharacterVariants.Default, weights)
        {
            Lexicon = lexicon,
            History = history ? DemoHistory.Value : null,
        };
        engine.RebuildAsync(DemoCorpus.Articles()).GetAwaiter().GetResult();
        return engine;
    }

    public static Func<string, IReadOnlyList<string>> Ranker(EmbeddedSearchEngine engine) =>
        q => engine.Search(new SearchRequest(q, Limit: 5)).Hits.Select(h => h.ArticleId).ToList();

    public static Func<string, IReadOnlyList<string>> Baseline()
    {
        var baseline = new BigramBm25Baseline(DemoCorpus.Articles().Select(a => (a.Id, a.Title + "\n" + string.Join(" ", a.Keywords) + "\n" + a.Content)));
        return q => baseline.Rank(q, 5);
    }
}
