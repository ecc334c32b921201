namespace Hotline.SearchBench;

/// <summary>hit@k (an article graded 2 within the top k) and nDCG@5 with graded gains.</summary>
internal static class RankingMetrics
{
    public static bool HitAt(IReadOnlyList<string> ranked, JudgedQuery query, int k) =>
        ranked.Take(k).Any(id => query.Relevant.TryGetValue(id, out var grade) && grade >= 2);

    public static double NdcgAt5(IReadOnlyList<string> ranked, JudgedQuery query)
    {
        double Dcg(IEnumerable<int> gains) => gains.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        var actual = Dcg(ranked.Take(5).Select(id => query.Relevant.GetValueOrDefault(id)));
        var ideal = Dcg(query.Relevant.Values.OrderDescending().Take(5));
        return ideal == 0 ? 0 : actual / ideal;
    }
}
