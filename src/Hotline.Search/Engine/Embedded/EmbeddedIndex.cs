using Hotline.Search.Analysis;
using Hotline.Search.Articles;

namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// An in-memory inverted index over title, keywords and content with BM25F scoring
/// (<see cref="FieldNorms"/>, <see cref="TermAccumulator"/>), whole-keyword matches
/// (<see cref="KeywordPhrases"/>) and history lifts. Not thread safe: <see cref="EmbeddedSearchEngine"/>
/// guards it with a reader/writer lock. Replaced articles leave a dead document behind; the index
/// compacts itself when a quarter is dead.
/// </summary>
internal sealed class EmbeddedIndex
{
    /// <summary>The score a lifted document starts from (non-zero marks it touched).</summary>
    internal const float LiftMarker = 1e-6f;

    private readonly Dictionary<ulong, PostingList> _postings = [];
    private readonly Dictionary<char, List<ulong>> _bigramsByChar = [];

    /// <summary>Liveness by document number, beside the documents, so collection skips the dead without touching them.</summary>
    private bool[] _alive = [];
    private readonly List<IndexedArticle> _docs = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly RankingWeights _weights;
    private readonly FieldNorms _norms;
    private readonly KeywordPhrases _phrases = new();
    private readonly TermAccumulator _accumulator;

    public EmbeddedIndex(RankingWeights weights)
    {
        _weights = weights;
        _norms = new FieldNorms(weights);
        _accumulator = new TermAccumulator(weights, _norms);
    }

    /// <summary>MaxScore pruning on unfiltered queries (tests turn it off to compare rankings).</summary>
    public bool Pruning { get; set; } = true;

    /// <summary>Live articles.</summary>
    public int Count => _byId.Count;

    public int TermCount => _postings.Count;

    public long PostingCount => _postings.Values.Sum(p => (long)p.Count);

    public int DocumentFrequency(ulong key) => _postings.TryGetValue(key, out var list) ? list.Count : 0;

    /// <summary>Indexed bigrams containing the character.</summary>
    public IEnumerable<ulong> BigramsWith(char c) => _bigramsByChar.TryGetValue(c, out var keys) ? keys : [];

    public Article? Get(string id) => _byId.TryGetValue(id, out var doc) ? _docs[doc].Article : null;

    public IEnumerable<Article> Articles => _byId.Values.Order().Select(doc => _docs[doc].Article);

    public void Add(Article article) => Add(AnalyzedArticle.Analyze(article));

    /// <summary>Adds an article analysed beforehand (possibly on another thread: analysis is the costly part).</summary>
    public void Add(AnalyzedArticle analyzed)
    {
        var article = analyzed.Article;
        Remove(article.Id);
        var doc = _docs.Count;
        foreach (var (key, packed) in analyzed.Terms)
        {
            if (!_postings.TryGetValue(key, out var list))
            {
                _postings[key] = list = new PostingList();
                RememberBigram(key);
            }

            list.Add(doc, packed);
        }

        var indexed = new IndexedArticle(article, analyzed.TitleLength, analyzed.KeywordLength, analyzed.ContentLength);
        _docs.Add(indexed);
        if (_alive.Length <= doc)
        {
            Array.Resize(ref _alive, Math.Max(1024, _alive.Length * 2));
        }

        _alive[doc] = true;
        _phrases.Add(doc, article.Keywords);
        _byId[article.Id] = doc;
        _norms.Add(indexed);
    }

    public bool Remove(string id)
    {
        if (!_byId.Remove(id, out var doc))
        {
            return false;
        }

        var old = _docs[doc];
        old.Alive = false;
        _alive[doc] = false;
        _norms.Remove(old);
        if (_docs.Count > 64 && _docs.Count - _byId.Count > _docs.Count / 4)
        {
            Compact();
        }

        return true;
    }

    /// <summary>Called by the writer after every change, so readers never write.</summary>
    public void RefreshNorms() => _norms.Refresh(_docs, Count);

    /// <summary>
    /// The best <paramref name="count"/> documents after skipping <paramref name="skip"/>, and how
    /// many matched (on a large index a lower bound: see <see cref="TermAccumulator"/>). Lifted
    /// articles (from similar past tickets) gain HistoryWeight × lift × the best text score, so
    /// the lift means the same on short and long queries.
    /// </summary>
    public (IReadOnlyList<(IndexedArticle Doc, float Score)> Hits, int Total) Score(
        QueryPlan plan, IReadOnlyList<(string ArticleId, float Lift)> lifts, string? category, string? department, string? appliesTo, int skip, int count)
    {
        var scratch = ScoreScratch.For(_docs.Count);
        try
        {
            // Pruning needs the k-th best score among candidates; with filters that is unknown
            // until collection, so filtered queries score every posting.
            var unfiltered = Pruning && category is null && department is null && appliesTo is null;
            var lifted = TouchLifted(lifts, scratch);
            _phrases.Accumulate(plan, _weights.PhraseBoost, Count, _norms.ComputedFor, scratch);
            _accumulator.Accumulate(TermLists(plan), scratch, unfiltered ? skip + count : 0, _alive);
            AddLifts(lifted, scratch);
            return TopHits.Collect(scratch, _docs, _alive, category, department, appliesTo, skip, count);
        }
        finally
        {
            scratch.Clear();
        }
    }

    /// <summary>Title autocomplete: titles containing the typed text, those starting with it first.</summary>
    public IReadOnlyList<(IndexedArticle Doc, int Position)> TitlesContaining(string foldedText, int limit)
    {
        IEnumerable<int> candidates = _byId.Values;
        if (foldedText.Length >= 2 && TextFolding.IsHan(foldedText[0]) && TextFolding.IsHan(foldedText[1]))
        {
            // Any title containing the text contains its first bigram: scan only those postings.
            candidates = _postings.TryGetValue(TermKey.Bigram(foldedText[0], foldedText[1]), out var list)
                ? TitleDocs(list)
                : [];
        }

        return candidates
            .Where(doc => _docs[doc].Alive)
            .Select(doc => (Doc: _docs[doc], Position: _docs[doc].FoldedTitle.IndexOf(foldedText, StringComparison.Ordinal)))
            .Where(c => c.Position >= 0)
            .OrderBy(c => c.Position == 0 ? 0 : 1)
            .ThenBy(c => c.Doc.FoldedTitle.Length)
            .ThenBy(c => c.Doc.Article.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    private static IEnumerable<int> TitleDocs(PostingList list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (PostingList.Title(list.Counts[i]) > 0)
            {
                yield return list.Docs[i];
            }
        }
    }

    /// <summary>The plan's indexed terms with idf × term weight.</summary>
    private List<(PostingList List, float Idf)> TermLists(QueryPlan plan)
    {
        var n = Math.Max(1, Count);
        var terms = new List<(PostingList List, float Idf)>(plan.Terms.Count);
        foreach (var term in plan.Terms)
        {
            if (_postings.TryGetValue(term.Key, out var list))
            {
                terms.Add((list, MathF.Log(1 + ((n - list.Count + 0.5f) / (list.Count + 0.5f))) * term.Weight));
            }
        }

        return terms;
    }

    /// <summary>
    /// Puts lifted documents in play before the terms run, with a marker score, so pruning keeps
    /// updating them: a document outside the candidates could otherwise miss text score it needs.
    /// </summary>
    private List<(int Doc, float Lift)> TouchLifted(IReadOnlyList<(string ArticleId, float Lift)> lifts, ScoreScratch scratch)
    {
        var lifted = new List<(int, float)>(lifts.Count);
        foreach (var (id, lift) in lifts)
        {
            if (_byId.TryGetValue(id, out var doc) && doc < _norms.ComputedFor)
            {
                scratch.Touch(doc, LiftMarker);
                scratch.Pinned.Add(doc);
                lifted.Add((doc, lift));
            }
        }

        return lifted;
    }

    private void AddLifts(List<(int Doc, float Lift)> lifted, ScoreScratch scratch)
    {
        if (lifted.Count == 0)
        {
            return;
        }

        // With no text match at all the lift still orders the evidence (best text score taken as 1).
        var best = 1f;
        foreach (var doc in scratch.Touched)
        {
            best = Math.Max(best, scratch.Scores[doc]);
        }

        foreach (var (doc, lift) in lifted)
        {
            scratch.Scores[doc] += _weights.HistoryWeight * lift * best;
        }
    }

    private void RememberBigram(ulong key)
    {
        if (!TermKey.IsBigram(key))
        {
            return;
        }

        var (first, second) = TermKey.BigramChars(key);
        foreach (var c in first == second ? [first] : new[] { first, second })
        {
            if (!_bigramsByChar.TryGetValue(c, out var keys))
            {
                _bigramsByChar[c] = keys = [];
            }

            keys.Add(key);
        }
    }

    private void Compact()
    {
        var live = Articles.ToList();
        _postings.Clear();
        _bigramsByChar.Clear();
        Array.Clear(_alive);
        _phrases.Clear();
        _docs.Clear();
        _byId.Clear();
        _norms.Clear();
        foreach (var article in live)
        {
            Add(article);
        }
    }
}
