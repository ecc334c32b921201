namespace Hotline.Search.Articles;

/// <summary>
/// A parsed import: the drafts and every bad record. A batch with any error imports nothing, so an
/// operator fixes the file and runs it again instead of chasing a half-applied import.
/// </summary>
public sealed record ImportBatch(IReadOnlyList<ArticleDraft> Drafts, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
