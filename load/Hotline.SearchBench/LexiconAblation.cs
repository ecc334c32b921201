using Hotline.Search;
using Hotline.Search.Engine.Embedded;
using Hotline.Search.Lexicon;

namespace Hotline.SearchBench;

/// <summary>
/// What each lexicon data file adds on questions it was not written from. The files written before
/// any question set was read form the base; a file is judged by adding it to the base and by taking
/// it from the whole shipped lexicon, on the tuning data (never the locked halves). A set is never
/// ranked with a file written after reading it (<see cref="TuningSet.WrittenFrom"/>): those cells show "—".
/// </summary>
internal static class LexiconAblation
{
    /// <summary>Files written from the articles, duties and demo tickets before any question set was read.</summary>
    private static readonly string[] Base = ["hand-written.txt", "department-duties.txt", "article-keywords.txt", "labelled-tickets.txt"];

    public static void Run(IReadOnlyList<TuningSet> tuningSets)
    {
        var sets = tuningSets.Select(t => (t.Name, Queries: JudgedQuery.Load(t.Path).Where(q => q.Answered).ToList(), t.WrittenFrom)).ToList();
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
        Console.WriteLine($"| lexicon | {string.Join(" | ", sets.Select(s => $"{s.Name} ({s.Queries.Count})"))} |");
        Console.WriteLine($"|---|{string.Concat(sets.Select(_ => "---|"))}");
        foreach (var (name, files) in variants)
        {
            var cells = sets.Select(set =>
            {
                if (files.Intersect(set.WrittenFrom).Any())
                {
                    return "—";
                }

                var entries = files.SelectMany(f => LexiconFile.Parse(EmbeddedText.Read("Lexicon.Data." + f), f));
                using var engine = SearchSetup.Engine(RankingWeights.Default, ColloquialLexicon.From(entries));
                var (hit1, hit3, _) = RelevanceBenchmark.Evaluate(set.Queries, SearchSetup.Ranker(engine));
                return $"{hit1:F3} / {hit3:F3}";
            });
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
        }

        Console.WriteLine();
    }
}
