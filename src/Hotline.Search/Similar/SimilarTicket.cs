namespace Hotline.Search.Similar;

/// <summary>An open ticket that may be the same matter at the same place.</summary>
/// <param name="Score">0..1: 0.6 × text similarity + 0.4 × place overlap.</param>
/// <param name="TextSimilarity">Cosine similarity of the texts (0..1).</param>
/// <param name="SharedPlaces">Place names (小区, 路, 交口 …) found in both.</param>
public sealed record SimilarTicket(string TicketId, double Score, double TextSimilarity, bool SamePlace, IReadOnlyList<string> SharedPlaces);
