namespace Hotline.Search.Analysis;

/// <summary>The analysed query: weighted terms (own, synonym, typo-repaired) and the keys to highlight.</summary>
internal sealed record QueryPlan(string Folded, IReadOnlyList<QueryTerm> Terms, IReadOnlySet<ulong> HighlightKeys)
{
    public float TotalWeight { get; } = Terms.Sum(t => t.Weight);
}
