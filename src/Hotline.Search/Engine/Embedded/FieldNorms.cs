namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// BM25F length normalisation per document and field, and a term's contribution from its packed
/// field counts. Lengths are normalised against averages that drift as articles change: new
/// documents get norms from the current averages, and all are recomputed once the index size moved
/// by 5%.
/// </summary>
internal sealed class FieldNorms(RankingWeights weights)
{
    private long _titleLengthSum;
    private long _keywordLengthSum;
    private long _contentLengthSum;
    private float[] _titleNorm = [];
    private float[] _keywordNorm = [];
    private float[] _contentNorm = [];
    private int _averagesFor;
    private (float Title, float Keywords, float Content) _averages;

    /// <summary>Documents below this number have norms; newer ones are not searchable yet.</summary>
    public int ComputedFor { get; private set; } = -1;

    public void Add(IndexedArticle doc)
    {
        _titleLengthSum += doc.TitleLength;
        _keywordLengthSum += doc.KeywordLength;
        _contentLengthSum += doc.ContentLength;
    }

    public void Remove(IndexedArticle doc)
    {
        _titleLengthSum -= doc.TitleLength;
        _keywordLengthSum -= doc.KeywordLength;
        _contentLengthSum -= doc.ContentLength;
    }

    public void Clear()
    {
        _titleLengthSum = _keywordLengthSum = _contentLengthSum = 0;
        ComputedFor = -1;
    }

    /// <summary>Called by the writer after every change, so readers never write.</summary>
    public void Refresh(IReadOnlyList<IndexedArticle> docs, int live)
    {
        var n = docs.Count;
        var from = ComputedFor;
        if (from < 0 || Math.Abs(n - _averagesFor) > _averagesFor / 20)
        {
            live = Math.Max(1, live);
            _averages = (Math.Max(1f, (float)_titleLengthSum / live), Math.Max(1f, (float)_keywordLengthSum / live),
                Math.Max(1f, (float)_contentLengthSum / live));
            _averagesFor = n;
            from = 0;
        }

        if (_titleNorm.Length < n)
        {
            var size = Math.Max(n, _titleNorm.Length * 2);
            Array.Resize(ref _titleNorm, size);
            Array.Resize(ref _keywordNorm, size);
            Array.Resize(ref _contentNorm, size);
        }

        var w = weights;
        for (var doc = from; doc < n; doc++)
        {
            var d = docs[doc];
            _titleNorm[doc] = w.TitleBoost / (1 - w.TitleB + (w.TitleB * d.TitleLength / _averages.Title));
            _keywordNorm[doc] = w.KeywordBoost / (1 - w.KeywordB + (w.KeywordB * d.KeywordLength / _averages.Keywords));
            _contentNorm[doc] = w.ContentBoost / (1 - w.ContentB + (w.ContentB * d.ContentLength / _averages.Content));
        }

        ComputedFor = n;
    }

    /// <summary>What the title adds to <see cref="Contribution"/> (0 when the term is not in the title).</summary>
    public float TitlePart(int doc, ushort packed, float idf)
    {
        if (PostingList.Title(packed) == 0)
        {
            return 0;
        }

        var k1 = weights.K1;
        var rest = (PostingList.Keywords(packed) * _keywordNorm[doc]) + (PostingList.Content(packed) * _contentNorm[doc]);
        return Contribution(doc, packed, idf) - (idf * rest * (k1 + 1) / (rest + k1));
    }

    public float Contribution(int doc, ushort packed, float idf)
    {
        var k1 = weights.K1;
        var tf = (PostingList.Title(packed) * _titleNorm[doc])
            + (PostingList.Keywords(packed) * _keywordNorm[doc])
            + (PostingList.Content(packed) * _contentNorm[doc]);
        return idf * tf * (k1 + 1) / (tf + k1);
    }
}
