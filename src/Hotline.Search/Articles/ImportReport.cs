namespace Hotline.Search.Articles;

/// <summary>The outcome of an import: how many articles were written (0 when any record failed) and why not.</summary>
public sealed record ImportReport(int Imported, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
