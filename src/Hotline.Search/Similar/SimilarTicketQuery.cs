namespace Hotline.Search.Similar;

/// <summary>What to find duplicates of: a draft or existing ticket's text and place.</summary>
/// <param name="ExcludeTicketId">The ticket itself, when it is already open.</param>
/// <param name="MinScore">Candidates scoring below this (0..1) are not returned.</param>
public sealed record SimilarTicketQuery(string Text, string? District = null, string? Address = null, string? ExcludeTicketId = null, int Limit = 5, double MinScore = 0.35);
