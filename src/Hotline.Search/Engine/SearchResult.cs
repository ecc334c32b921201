namespace Hotline.Search.Engine;

/// <summary>One page of hits and the number of matching articles.</summary>
/// <param name="Total">
/// Articles matching the query and filters. On a large index an unfiltered query whose common
/// words were pruned (see the embedded engine's MaxScore) reports a lower bound; pages are exact.
/// </param>
public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Hits);
