using Hotline.Search;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Lexicon;

namespace Hotline.SearchBench;

/// <summary>
/// What each lexicon data file adds on questions it was not written from. The files written before
/// any question set was read form the base; a file is judged by adding it to the base and to the
/// whole shipped lexicon, on the tuning data (never the locked halves).
/// </summary>
internal static class LexiconAblation
{
    /// <summary>Files written from the articles, duties and demo tickets before any question set was read.</summary>
    private static readonly string[] Base = ["hand-written.txt", "department-duties.txt", "article-keywords.txt", "labelled-tickets.txt"];

    public static void Run(IReadOnlyList<string> tuningPaths)
    {
        var sets = tuningPaths.Select(p => (Name: Path.GetFileNameWithoutExtension(p), Queries: JudgedQuery.Load(p).Where(q => q.Answered).ToList())).ToList();
        var later = ColloquialLexicon.ShippedFiles.Except(Base).ToList();
        var variants = new List<(string Name, string[] Files)>
        {
            ("no lexicon", []),
            ("base (written before any question set)", Base),
        };
        variants.AddRange(later.Select(f => ($"base + {f}", Base.Append(f).ToArray())));
        variants.AddRange(later.Select(f => ($"shipped − {f}", ColloquialLexicon.ShippedFiles.Where(x => x != f).ToArray())));
        variants.Add(("shipped (all files)", ColloquialLexicon.ShippedFiles));

        Console.WriteLine($"## Lexicon files, one at a time (weights: {RankingWeights.Default}; with history; hit@1 / hit@3)");
        Console.WriteLine();
        Console.WriteLine($"| lexicon | entries | {string.Join(" | ", sets.Select(s => $"{s.Name} ({s.Queries.Count})"))} | all |");
        Console.WriteLine($"|---|---|{string.Concat(sets.Select(_ => "---|"))}---|");
        foreach (var (name, files) in variants)
        {
            var entries = files.SelectMany(f => LexiconFile.Parse(EmbeddedText.Read("Lexicon.Data." + f), f)).ToList();
            using var engine = SearchSetup.Engine(RankingWeights.Default, ColloquialLexicon.From(entries));
            var rank = SearchSetup.Ranker(engine);
            var cells = sets.Select(s => RelevanceBenchmark.Evaluate(s.Queries, rank)).ToList();
            var all = RelevanceBenchmark.Evaluate(sets.SelectMany(s => s.Queries).ToList(), rank);
            Console.WriteLine($"| {name} | {entries.Count} | {string.Join(" | ", cells.Select(c => $"{c.Hit1:F3} / {c.Hit3:F3}"))} | {all.Hit1:F3} / {all.Hit3:F3} |");
        }

        Console.WriteLine();
    }
}
