using Hotline.Search.Analysis;

namespace Hotline.Search.Engine.Embedded;

/// <summary>
/// Whole-keyword matches. Editors write keywords in callers' words (社保卡丢了, 暂住证); when the
/// query contains one whole, that is stronger evidence than its bigrams scattered in a body text.
/// </summary>
internal sealed class KeywordPhrases
{
    private const int MinPhraseLength = 2;
    private const int MaxPhraseLength = 16;
    private const int MaxPhraseScanLength = 200;

    private readonly Dictionary<string, List<int>> _phrases = new(StringComparer.Ordinal);

    public void Add(int doc, IEnumerable<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            var folded = TextFolding.Fold(keyword.Trim());
            if (folded.Length is < MinPhraseLength or > MaxPhraseLength)
            {
                continue;
            }

            if (!_phrases.TryGetValue(folded, out var docs))
            {
                _phrases[folded] = docs = [];
            }

            if (docs.Count == 0 || docs[^1] != doc)
            {
                docs.Add(doc);
            }
        }
    }

    public void Clear() => _phrases.Clear();

    /// <summary>Adds boost × weight × idf to every searchable document holding a keyword found whole in one of the plan's phrases.</summary>
    public void Accumulate(QueryPlan plan, float boost, int liveCount, int searchable, ScoreScratch scratch)
    {
        var lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        var n = Math.Max(1, liveCount);
        var scores = scratch.Scores;
        foreach (var (text, weight) in plan.Phrases)
        {
            var span = text.AsSpan(0, Math.Min(text.Length, MaxPhraseScanLength));
            for (var start = 0; start + MinPhraseLength <= span.Length; start++)
            {
                for (var length = MinPhraseLength; length <= MaxPhraseLength && start + length <= span.Length; length++)
                {
                    if (!lookup.TryGetValue(span.Slice(start, length), out var docs))
                    {
                        continue;
                    }

                    var idf = MathF.Log(1 + ((n - docs.Count + 0.5f) / (docs.Count + 0.5f)));
                    var bonus = boost * weight * idf;
                    foreach (var doc in docs)
                    {
                        if (doc >= searchable)
                        {
                            continue;
                        }

                        if (scores[doc] == 0)
                        {
                            scratch.Touched.Add(doc);
                        }

                        scores[doc] += bonus;
                    }
                }
            }
        }
    }
}
