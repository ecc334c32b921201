using Hotline.Search.Analysis;
using Hotline.Search.Articles;

namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// An in-memory inverted index over title, keywords and content with BM25F scoring. Not thread
/// safe: <see cref="EmbeddedSearchEngine"/> guards it with a reader/writer lock. Replaced
/// articles leave a dead document behind; the index compacts itself when a quarter is dead.
/// </summary>
internal sealed partial class EmbeddedIndex
{
    private readonly Dictionary<ulong, PostingList> _postings = [];
    private readonly Dictionary<char, List<ulong>> _bigramsByChar = [];

    /// <summary>Liveness by document number, beside the documents, so collection skips the dead without touching them.</summary>
    private bool[] _alive = [];
    private readonly List<IndexedArticle> _docs = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly RankingWeights _weights;
    private long _titleLengthSum;
    private long _keywordLengthSum;
    private long _contentLengthSum;
    private float[] _titleNorm = [];
    private float[] _keywordNorm = [];
    private float[] _contentNorm = [];
    private int _normsComputedFor = -1;
    private int _averagesFor;
    private (float Title, float Keywords, float Content) _averages;

    public EmbeddedIndex(RankingWeights weights) => _weights = weights;

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

        _docs.Add(new IndexedArticle(article, analyzed.TitleLength, analyzed.KeywordLength, analyzed.ContentLength));
        if (_alive.Length <= doc)
        {
            Array.Resize(ref _alive, Math.Max(1024, _alive.Length * 2));
        }

        _alive[doc] = true;
        AddPhrases(doc, article.Keywords);
        _byId[article.Id] = doc;
        _titleLengthSum += analyzed.TitleLength;
        _keywordLengthSum += analyzed.KeywordLength;
        _contentLengthSum += analyzed.ContentLength;
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
        _titleLengthSum -= old.TitleLength;
        _keywordLengthSum -= old.KeywordLength;
        _contentLengthSum -= old.ContentLength;
        if (_docs.Count > 64 && _docs.Count - _byId.Count > _docs.Count / 4)
        {
            Compact();
        }

        return true;
    }

    public IEnumerable<Article> Articles => _byId.Values.Order().Select(doc => _docs[doc].Article);

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
        _titleLengthSum = _keywordLengthSum = _contentLengthSum = 0;
        _normsComputedFor = -1;
        foreach (var article in live)
        {
            Add(article);
        }
    }
}
