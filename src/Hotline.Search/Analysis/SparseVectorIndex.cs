namespace Hotline.Search.Analysis;

/// <summary>
/// Cosine similarity over TF-IDF term vectors, answered through an inverted index so a query
/// touches only entries sharing a term with it. Used for past tickets (dispatch), department
/// profiles and open tickets (duplicates). Not thread safe; owners lock.
/// </summary>
internal sealed class SparseVectorIndex
{
    private readonly Dictionary<ulong, Dictionary<string, float>> _postings = [];
    private readonly Dictionary<string, Dictionary<ulong, float>> _vectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float> _norms = new(StringComparer.Ordinal);
    private int _normsFor = -1;

    public int Count => _vectors.Count;

    public bool Contains(string key) => _vectors.ContainsKey(key);

    /// <summary>Adds or replaces an entry; <paramref name="terms"/> are raw counts per term.</summary>
    public void Set(string key, IReadOnlyDictionary<ulong, float> terms)
    {
        Remove(key);
        var vector = terms.ToDictionary(p => p.Key, p => 1 + MathF.Log(p.Value));
        _vectors[key] = vector;
        foreach (var (term, weight) in vector)
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                _postings[term] = list = new Dictionary<string, float>(StringComparer.Ordinal);
            }

            list[key] = weight;
        }

        _norms[key] = Norm(vector);
    }

    public bool Remove(string key)
    {
        if (!_vectors.Remove(key, out var vector))
        {
            return false;
        }

        foreach (var term in vector.Keys)
        {
            if (_postings.TryGetValue(term, out var list) && list.Remove(key) && list.Count == 0)
            {
                _postings.Remove(term);
            }
        }

        _norms.Remove(key);
        return true;
    }

    /// <summary>Entries by cosine similarity to the query counts, best first, above zero.</summary>
    public IReadOnlyList<(string Key, float Similarity)> Nearest(IReadOnlyDictionary<ulong, float> query, int count, Func<string, bool>? accept = null)
    {
        RefreshNorms();
        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        var queryNorm = 0f;
        foreach (var (term, raw) in query)
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                continue;
            }

            var idf = Idf(list.Count);
            var q = (1 + MathF.Log(raw)) * idf;
            queryNorm += q * q;
            foreach (var (key, weight) in list)
            {
                scores[key] = scores.GetValueOrDefault(key) + (q * weight * idf);
            }
        }

        if (queryNorm == 0)
        {
            return [];
        }

        queryNorm = MathF.Sqrt(queryNorm);
        return scores
            .Where(p => accept is null || accept(p.Key))
            .Select(p => (p.Key, Similarity: p.Value / (queryNorm * _norms[p.Key])))
            .OrderByDescending(p => p.Similarity)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    /// <summary>Raw term counts of a text (folded, bigrammed).</summary>
    public static Dictionary<ulong, float> TermCounts(string text)
    {
        var counts = new Dictionary<ulong, float>();
        foreach (var token in TextAnalyzer.Analyze(TextFolding.Fold(text)))
        {
            counts[token.Key] = counts.GetValueOrDefault(token.Key) + 1;
        }

        return counts;
    }

    private float Idf(int df) => MathF.Log(1 + ((_vectors.Count + 1f) / df));

    /// <summary>
    /// An entry's norm depends on every term's idf, which drifts as entries come and go: each entry
    /// gets its norm when added, and all are recomputed once the size moved by a tenth, so a
    /// steady stream of new tickets does not cost a full pass per query.
    /// </summary>
    private void RefreshNorms()
    {
        if (_normsFor >= 0 && Math.Abs(_vectors.Count - _normsFor) <= _normsFor / 10)
        {
            return;
        }

        foreach (var (key, vector) in _vectors)
        {
            _norms[key] = Norm(vector);
        }

        _normsFor = _vectors.Count;
    }

    private float Norm(Dictionary<ulong, float> vector)
    {
        var sum = 0f;
        foreach (var (term, weight) in vector)
        {
            var w = weight * Idf(_postings[term].Count);
            sum += w * w;
        }

        return Math.Max(MathF.Sqrt(sum), 1e-6f);
    }
}
