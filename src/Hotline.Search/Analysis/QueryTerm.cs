namespace Hotline.Search.Analysis;

/// <summary>A term to look up and how much its matches count (1 for the caller's own words).</summary>
internal readonly record struct QueryTerm(ulong Key, float Weight);
