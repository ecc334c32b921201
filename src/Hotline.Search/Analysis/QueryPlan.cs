namespace Hotline.Search.Analysis;

/// <summary>
/// The analysed query: weighted terms (own, synonym, typo-repaired), the keys to highlight, and
/// the texts in which whole keywords are looked for (the query and its synonym alternatives).
/// </summary>
internal sealed record QueryPlan(
    string Folded,
    IReadOnlyList<QueryTerm> Terms,
    IReadOnlySet<ulong> HighlightKeys,
    IReadOnlyList<(string Text, float Weight)> Phrases)
{
    /// <summary>Weight a term needs to describe the question to history: the caller's words, repaired typos, synonyms; not lexicon guesses.</summary>
    private const float HistoryMinimum = 0.5f;

    /// <summary>The question as counts for comparing it with past tickets: terms at least <see cref="HistoryMinimum"/>, counted once.</summary>
    public Dictionary<ulong, float> HistoryTerms() =>
        Terms.Where(t => t.Weight >= HistoryMinimum).ToDictionary(t => t.Key, _ => 1f);
}
