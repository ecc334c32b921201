namespace Hotline.Search.Analysis;

/// <summary>
/// The analysed query: weighted terms (own, synonym, typo-repaired), the keys to highlight, and
/// the texts in which whole keywords are looked for (the query and its synonym alternatives).
/// </summary>
internal sealed record QueryPlan(
    string Folded,
    IReadOnlyList<QueryTerm> Terms,
    IReadOnlySet<ulong> HighlightKeys,
    IReadOnlyList<(string Text, float Weight)> Phrases);
