namespace Hotline.Search.Engine;

/// <summary>One page of hits and the number of matching articles.</summary>
public sealed record SearchResult(int Total, IReadOnlyList<SearchHit> Hits);
