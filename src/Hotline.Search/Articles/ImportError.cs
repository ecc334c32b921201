namespace Hotline.Search.Articles;

/// <summary>One rejected record of an import.</summary>
/// <param name="Source">File name (or "jsonl" for a stream).</param>
/// <param name="Line">1-based line of the record in that source.</param>
public sealed record ImportError(string Source, int Line, string Reason)
{
    public override string ToString() => $"{Source}:{Line}: {Reason}";
}
