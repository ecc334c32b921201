namespace Hotline.SearchBench;

/// <summary>
/// The comparison point the issue names: plain BM25 over overlapping character bigrams of
/// title + keywords + content, no folding, synonyms, typo repair or field boosts.
/// </summary>
internal sealed class BigramBm25Baseline
{
    private readonly List<(string Id, Dictionary<string, int> Tf, int Length)> _docs = [];
    private readonly Dictionary<string, int> _df = [];
    private double _averageLength;

    public BigramBm25Baseline(IEnumerable<(string Id, string Text)> documents)
    {
        foreach (var (id, text) in documents)
        {
            var tf = Bigrams(text).GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
            _docs.Add((id, tf, tf.Values.Sum()));
            foreach (var term in tf.Keys)
            {
                _df[term] = _df.GetValueOrDefault(term) + 1;
            }
        }

        _averageLength = _docs.Average(d => (double)d.Length);
    }

    public IReadOnlyList<string> Rank(string query, int k)
    {
        const double k1 = 1.2, b = 0.75;
        var terms = Bigrams(query).Distinct().ToList();
        return _docs.Select(d => (d.Id, Score: terms.Sum(t =>
            {
                if (!d.Tf.TryGetValue(t, out var tf))
                {
                    return 0;
                }

                var df = _df[t];
                var idf = Math.Log(1 + ((_docs.Count - df + 0.5) / (df + 0.5)));
                return idf * tf * (k1 + 1) / (tf + (k1 * (1 - b + (b * d.Length / _averageLength))));
            })))
            .Where(x => x.Score > 0).OrderByDescending(x => x.Score).Take(k).Select(x => x.Id).ToList();
    }

    public static IEnumerable<string> Bigrams(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && char.IsLetterOrDigit(text[i + 1]))
            {
                yield return text.Substring(i, 2);
            }
        }
    }
}
