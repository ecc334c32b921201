using Hotline.SearchBench;

// Usage: Hotline.SearchBench [relevance] [dispatch] [speed] [tune] [lexicon-files] [keywords] [--sizes 5000,100000] [--verbose] [--no-locked] [--plain]
// With no section named, runs all three. Stops by itself and prints Markdown tables.
var sections = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains(',', StringComparison.Ordinal) && !int.TryParse(a, out _)).ToHashSet();
var verbose = args.Contains("--verbose");
var sizesIndex = Array.IndexOf(args, "--sizes");
var sizes = sizesIndex >= 0 && sizesIndex + 1 < args.Length
    ? args[sizesIndex + 1].Split(',').Select(int.Parse).ToArray()
    : [5_000, 100_000];
var all = sections.Count == 0;
var data = Path.Combine(AppContext.BaseDirectory, "Data");

if (all || sections.Contains("relevance"))
{
    RelevanceBenchmark.Run(data, verbose, withLocked: !args.Contains("--no-locked"));
}

if (all || sections.Contains("dispatch"))
{
    DispatchBenchmark.Run(verbose);
}

if (args.Length > 1 && args[0] == "explain")
{
    Explain.Run(args.Skip(1));
    return;
}

if (sections.Contains("lexicon-gains"))
{
    Explain.LexiconGains(Path.Combine(data, "colloquial", "colloquial-tuning-judged.jsonl"));
}

// everyday-speech.txt was written (in part) from the blind tuning half's misses, tuning-misses.txt from the colloquial one's,
// blind3-tuning-misses.txt from the blind3 tuning half's.
TuningSet[] tuningSets =
[
    new(Path.Combine(data, "blind", "blind-tuning-judged.jsonl"), ["everyday-speech.txt"]),
    new(Path.Combine(data, "colloquial", "colloquial-tuning-judged.jsonl"), ["tuning-misses.txt"]),
    new(Path.Combine(data, "blind3", "tuning-judged.jsonl"), ["blind3-tuning-misses.txt"]),
    new(Path.Combine(data, "blind4", "tuning-judged.jsonl"), []),
    new(Path.Combine(data, "judged-queries.jsonl"), []), new(Path.Combine(data, "fresh-queries.jsonl"), []),
];

if (sections.Contains("keywords"))
{
    KeywordSelfCheck.Run(verbose);
}

if (sections.Contains("lexicon-files"))
{
    LexiconAblation.Run(tuningSets);
}

if (sections.Contains("tune"))
{
    WeightTuning.Run(tuningSets, verbose);
}

if (sections.Contains("tune-dispatch"))
{
    DispatchBenchmark.Tune();
}

if (all || sections.Contains("speed"))
{
    SpeedBenchmark.Run(sizes, args.Contains("--plain"), Path.Combine(data, "judged-queries.jsonl"), Path.Combine(data, "colloquial", "colloquial-tuning-judged.jsonl"));
}
