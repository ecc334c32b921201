namespace Hotline.Search.Dispatch;

/// <summary>
/// One ticket's votes: each signal's raw score per department, with the evidence behind it, and how
/// the signals combine into ranked suggestions.
/// </summary>
internal sealed class DispatchBallot
{
    private const int EvidencePerKind = 3;

    private readonly Dictionary<string, List<DispatchEvidence>> _evidence = new(StringComparer.Ordinal);

    /// <summary>Summed similarity of the nearest resolved past tickets each department handled.</summary>
    public Dictionary<string, double> Neighbours { get; } = new(StringComparer.Ordinal);

    /// <summary>Sharpened similarity to each department's profile.</summary>
    public Dictionary<string, double> Profiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Reciprocal rank of the knowledge-base articles each department owns.</summary>
    public Dictionary<string, double> Articles { get; } = new(StringComparer.Ordinal);

    /// <summary>Summed weights of the operator and directory rules that matched.</summary>
    public Dictionary<string, double> Rules { get; } = new(StringComparer.Ordinal);

    public void AddEvidence(string department, DispatchEvidence item)
    {
        if (!_evidence.TryGetValue(department, out var list))
        {
            _evidence[department] = list = [];
        }

        list.Add(item);
    }

    /// <summary>The best <paramref name="limit"/> departments that serve <paramref name="district"/>, best first, shares summing to 1.</summary>
    public List<DepartmentSuggestion> Rank(IReadOnlyDictionary<string, DepartmentInfo> departments, int limit, string? district, DispatchWeights weights)
    {
        // Each signal becomes a distribution over the departments allowed for this district, so
        // one strong signal cannot drown the others merely by its scale.
        var combined = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (scores, weight) in new[] { (Neighbours, weights.Neighbours), (Profiles, weights.Profile), (Articles, weights.Articles), (Rules, weights.Rules) })
        {
            var allowed = scores.Where(p => departments.TryGetValue(p.Key, out var info) && Serves(info, district)).ToList();
            var sum = allowed.Sum(p => p.Value);
            foreach (var (department, score) in allowed)
            {
                if (sum > 0)
                {
                    combined[department] = combined.GetValueOrDefault(department) + (weight * score / sum);
                }
            }
        }

        var total = combined.Values.Sum();
        return combined
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(p => new DepartmentSuggestion(p.Key, departments[p.Key].Name, total > 0 ? p.Value / total : 0,
                _evidence.TryGetValue(p.Key, out var list)
                    ? list.GroupBy(e => e.Kind).SelectMany(g => g.OrderByDescending(e => e.Weight).Take(EvidencePerKind)).ToList()
                    : []))
            .ToList();
    }

    /// <summary>A district government serves only its own district; with no district known, any.</summary>
    private static bool Serves(DepartmentInfo department, string? district) =>
        department.ServedDistrict is not { } served || district is null || served == district;
}
