namespace Hotline.Search.Dispatch;

/// <summary>What kind of evidence supports a department suggestion.</summary>
public enum DispatchEvidenceKind
{
    SimilarTicket = 1,
    Article = 2,
    Rule = 3,
}
