using Hotline.Search;
using Hotline.Search.Lexicon;

namespace Hotline.SearchBench;

/// <summary>A judged tuning set and the lexicon data files written after reading it (left out when it is scored for tuning).</summary>
internal sealed record TuningSet(string Path, IReadOnlyList<string> WrittenFrom)
{
    /// <summary>The set's folder and file name (blind3/tuning-judged).</summary>
    public string Name => $"{System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(Path))}/{System.IO.Path.GetFileNameWithoutExtension(Path)}";

    /// <summary>The shipped lexicon without the files written from this set.</summary>
    public ColloquialLexicon Lexicon() =>
        WrittenFrom.Count == 0
            ? ColloquialLexicon.Shipped
            : ColloquialLexicon.From(ColloquialLexicon.ShippedFiles.Except(WrittenFrom)
                .SelectMany(f => LexiconFile.Parse(EmbeddedText.Read("Lexicon.Data." + f), f)));
}
