using Hotline.Search.Analysis;
using Hotline.Search.Articles;
using Hotline.Search.Lexicon;
using Hotline.Search.Usage;

namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// The default engine: an in-process inverted index with our own Chinese analysis. The index is
/// derived data rebuilt from the article store at start; a rebuild builds a fresh index beside the
/// live one and swaps it in, so searches never see a half-built index. Queries are expanded with
/// the colloquial lexicon, and articles agents used on similar past tickets are lifted.
/// </summary>
public sealed class EmbeddedSearchEngine : ISearchEngine, ILearningSearchEngine, IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly CharacterVariants _variants;
    private readonly RankingWeights _weights;
    private EmbeddedIndex _index;
    private QueryPlanner _planner;
    private SynonymTable _synonyms;
    private ColloquialLexicon _lexicon;

    public EmbeddedSearchEngine(SynonymTable? synonyms = null, CharacterVariants? variants = null)
        : this(synonyms, variants, RankingWeights.Default)
    {
    }

    internal EmbeddedSearchEngine(SynonymTable? synonyms, CharacterVariants? variants, RankingWeights weights)
    {
        _synonyms = synonyms ?? SynonymTable.Default;
        _variants = variants ?? CharacterVariants.Default;
        _weights = weights;
        _lexicon = ColloquialLexicon.Shipped;
        _planner = NewPlanner();
        _index = new EmbeddedIndex(weights);
    }

    public string Name => "embedded";

    /// <summary>Synonyms used from the next query on.</summary>
    public SynonymTable Synonyms
    {
        get => _synonyms;
        set
        {
            _synonyms = value;
            _planner = NewPlanner();
        }
    }

    /// <summary>The colloquial → official lexicon used from the next query on (the shipped one by default).</summary>
    public ColloquialLexicon Lexicon
    {
        get => _lexicon;
        set
        {
            _lexicon = value;
            _planner = NewPlanner();
        }
    }

    /// <summary>Past (ticket, article) evidence that lifts articles for similar questions; null turns the signal off.</summary>
    public ArticleUseHistory? History { get; set; }

    /// <summary>Live articles, distinct terms and postings, for diagnostics and the benchmark.</summary>
    public (int Articles, int Terms, long Postings) Statistics()
    {
        _lock.EnterReadLock();
        try
        {
            return (_index.Count, _index.TermCount, _index.PostingCount);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public Task RebuildAsync(IReadOnlyCollection<Article> articles, CancellationToken cancellationToken = default)
    {
        var fresh = new EmbeddedIndex(_weights);

        // Analysis (folding, bigrams, counting) runs in parallel batches; appends stay in order.
        foreach (var batch in articles.Chunk(4096))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var analyzed in batch.AsParallel().AsOrdered().Select(AnalyzedArticle.Analyze))
            {
                fresh.Add(analyzed);
            }
        }

        fresh.RefreshNorms();
        Write(() => _index = fresh);
        return Task.CompletedTask;
    }

    public Task UpsertAsync(Article article, CancellationToken cancellationToken = default)
    {
        Write(() =>
        {
            _index.Add(article);
            _index.RefreshNorms();
        });
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string articleId, CancellationToken cancellationToken = default)
    {
        Write(() =>
        {
            _index.Remove(articleId);
            _index.RefreshNorms();
        });
        return Task.CompletedTask;
    }

    public Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Search(request));

    public Task<IReadOnlyList<TitleSuggestion>> SuggestAsync(string prefix, int limit = 8, CancellationToken cancellationToken = default) =>
        Task.FromResult(Suggest(prefix, limit));

    /// <summary>
    /// Articles lifted by similar past tickets. A short question's nearest tickets share one or two
    /// words with it, which says little (租房提取公积金 is near every provident-fund ticket), so a
    /// question of n terms keeps n ÷ (n + HistoryHalfLength) of the lift; a whole story keeps most of it.
    /// </summary>
    private IReadOnlyList<(string ArticleId, float Lift)> Lifts(ArticleUseHistory history, QueryPlan plan)
    {
        var terms = plan.HistoryTerms();
        var lifts = history.Lift(terms, _weights.HistoryNeighbours);
        var half = _weights.HistoryHalfLength;
        if (half <= 0 || lifts.Count == 0)
        {
            return lifts;
        }

        var share = terms.Count / (terms.Count + half);
        return lifts.Select(l => (l.ArticleId, l.Lift * share)).ToList();
    }

    /// <summary>Synchronous search (the work is CPU-bound and in memory).</summary>
    public SearchResult Search(SearchRequest request)
    {
        SearchRequestRules.Require(request);
        _lock.EnterReadLock();
        try
        {
            var plan = _planner.Plan(request.Query, _index.DocumentFrequency, _index.BigramsWith);
            var lifts = History is { } history && _weights.HistoryWeight > 0 ? Lifts(history, plan) : [];
            var (hits, total) = _index.Score(plan, lifts, FoldFilter(request.Category), FoldFilter(request.Department),
                FoldFilter(request.AppliesTo), request.Offset, request.Limit);
            return new SearchResult(total, hits.Select(h => ToHit(h.Doc.Article, h.Score, plan)).ToList());
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Synchronous autocomplete; falls back to ranked search when no title contains the text (a typo).</summary>
    public IReadOnlyList<TitleSuggestion> Suggest(string prefix, int limit = 8)
    {
        SearchRequestRules.RequirePrefix(prefix, limit);
        var folded = TextFolding.Fold(prefix.Trim());
        _lock.EnterReadLock();
        try
        {
            var titles = _index.TitlesContaining(folded, limit);
            if (titles.Count > 0)
            {
                return titles.Select(t => new TitleSuggestion(t.Doc.Article.Id,
                    new HighlightedText(t.Doc.Article.Title, [new TextRange(t.Position, folded.Length)]))).ToList();
            }

            var plan = _planner.Plan(prefix, _index.DocumentFrequency, _index.BigramsWith);
            var (hits, _) = _index.Score(plan, [], null, null, null, 0, limit);
            return hits.Select(h => new TitleSuggestion(h.Doc.Article.Id, SnippetBuilder.Highlight(h.Doc.Article.Title, plan.HighlightKeys))).ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The analysed query (for the benchmark's explain output).</summary>
    internal QueryPlan PlanFor(string query)
    {
        _lock.EnterReadLock();
        try
        {
            return _planner.Plan(query, _index.DocumentFrequency, _index.BigramsWith);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    internal static SearchHit ToHit(Article article, double score, QueryPlan plan) =>
        new(article.Id, article.Title, article.Category, article.Department, article.AppliesTo, article.Updated, score,
            SnippetBuilder.Highlight(article.Title, plan.HighlightKeys), SnippetBuilder.Build(article.Content, plan.HighlightKeys));

    private QueryPlanner NewPlanner() =>
        new(_synonyms, _variants, _lexicon, _weights.LexiconWeight, TermGenerality.Shipped, _weights.GeneralityPenalty)
        {
            LexiconLengthNorm = _weights.LexiconLengthNorm,
            SynonymGroupNorm = _weights.SynonymGroupNorm,
            KnownBigramVariantWeight = _weights.KnownVariantWeight,
        };

    private static string? FoldFilter(string? value) => string.IsNullOrWhiteSpace(value) ? null : TextFolding.Fold(value.Trim());

    private void Write(Action change)
    {
        _lock.EnterWriteLock();
        try
        {
            change();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
