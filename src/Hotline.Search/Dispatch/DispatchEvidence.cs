namespace Hotline.Search.Dispatch;

/// <summary>One reason behind a suggestion.</summary>
/// <param name="Reference">Ticket id, article id or rule id.</param>
/// <param name="Description">Short human-readable text (ticket excerpt, article title, rule).</param>
/// <param name="Weight">Similarity or rule weight.</param>
public sealed record DispatchEvidence(DispatchEvidenceKind Kind, string Reference, string Description, double Weight);
