namespace Hotline.Search.Analysis;

/// <summary>
/// How topic-neutral a query term is, learned from labelled tickets: a bigram that callers use in
/// tickets for many different departments (自己, 人家, 说是, 孩子) says little about which article
/// is meant, however rare it is in the articles, so its weight in a query is scaled down. A bigram
/// seen for at most <see cref="TopicalSpread"/> departments, or never seen, keeps full weight.
/// </summary>
internal sealed class TermGenerality
{
    /// <summary>Departments a term may span and still count as topical.</summary>
    private const int TopicalSpread = 3;

    private readonly Dictionary<ulong, int> _spread;
    private readonly int _departments;

    private TermGenerality(Dictionary<ulong, int> spread, int departments)
    {
        _spread = spread;
        _departments = departments;
    }

    /// <summary>Learned from the shipped demo tickets (district governments count as one department: they share duties).</summary>
    public static TermGenerality Shipped { get; } = FromTickets(Demo.DemoCorpus.Dispatches().Select(d => (d.Text, DepartmentGroups.Of(d.Department))));

    public static TermGenerality Empty { get; } = new([], 1);

    public static TermGenerality FromTickets(IEnumerable<(string Text, string Label)> tickets)
    {
        var labels = new Dictionary<ulong, HashSet<string>>();
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (text, label) in tickets)
        {
            all.Add(label);
            foreach (var token in TextAnalyzer.Analyze(TextFolding.Fold(text)))
            {
                if (TermKey.IsBigram(token.Key))
                {
                    if (!labels.TryGetValue(token.Key, out var set))
                    {
                        labels[token.Key] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(label);
                }
            }
        }

        return new TermGenerality(labels.Where(p => p.Value.Count > TopicalSpread).ToDictionary(p => p.Key, p => p.Value.Count), Math.Max(all.Count, TopicalSpread + 1));
    }

    /// <summary>
    /// The weight multiplier: 1 for topical terms, falling with the log of the spread to
    /// 1 − <paramref name="penalty"/> for a term seen for every department.
    /// </summary>
    public float Multiplier(ulong key, float penalty)
    {
        if (penalty <= 0 || !_spread.TryGetValue(key, out var spread))
        {
            return 1f;
        }

        var generality = MathF.Log((float)spread / TopicalSpread) / MathF.Log((float)_departments / TopicalSpread);
        return 1f - (penalty * Math.Clamp(generality, 0f, 1f));
    }
}
