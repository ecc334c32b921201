namespace Hotline.Search.Dispatch;

/// <summary>A suggested department, its share of the evidence (0..1, suggestions sum to at most 1) and why.</summary>
public sealed record DepartmentSuggestion(string DepartmentId, string DepartmentName, double Score, IReadOnlyList<DispatchEvidence> Evidence);
