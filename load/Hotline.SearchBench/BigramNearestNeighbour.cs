using Hotline.Search.Dispatch;

namespace Hotline.SearchBench;

/// <summary>The baseline: cosine over raw character-bigram counts to past tickets; departments in order of their nearest ticket.</summary>
internal sealed class BigramNearestNeighbour
{
    private readonly List<(string Department, Dictionary<string, int> Counts, double Norm)> _tickets;

    public BigramNearestNeighbour(IEnumerable<DispatchRecord> history) =>
        _tickets = history.Select(r => Vector(r.Department, r.Text)).ToList();

    public IReadOnlyList<string> Rank(DispatchRecord ticket)
    {
        var (_, counts, norm) = Vector(string.Empty, ticket.Text);
        return _tickets
            .Select(t => (t.Department, Similarity: counts.Sum(p => t.Counts.TryGetValue(p.Key, out var c) ? p.Value * c : 0) / (norm * t.Norm)))
            .OrderByDescending(t => t.Similarity)
            .Select(t => t.Department)
            .Distinct()
            .Take(3)
            .ToList();
    }

    private static (string, Dictionary<string, int>, double) Vector(string department, string text)
    {
        var counts = BigramBm25Baseline.Bigrams(text).GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count());
        return (department, counts, Math.Sqrt(counts.Values.Sum(c => (double)c * c)) + 1e-9);
    }
}
