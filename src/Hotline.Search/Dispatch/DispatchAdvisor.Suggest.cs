using Hotline.Search.Analysis;
using Hotline.Search.Engine;

namespace Hotline.Search.Dispatch;

/// <summary>Scoring a ticket against history, profiles, articles and rules.</summary>
public sealed partial class DispatchAdvisor
{
    private const int EvidencePerKind = 3;

    /// <summary>The top departments for the ticket, best first, each with its evidence.</summary>
    /// <exception cref="SearchInputException">Text empty, longer than <see cref="MaxTextLength"/> or binary; limit out of 1..20.</exception>
    public async Task<IReadOnlyList<DepartmentSuggestion>> SuggestAsync(DispatchQuery query, CancellationToken cancellationToken = default)
    {
        Require(query);
        var category = Blank(query.Category);
        var district = Blank(query.District);
        var articleHits = await ArticleHitsAsync(query.Text, cancellationToken).ConfigureAwait(false);

        var evidence = new Dictionary<string, List<DispatchEvidence>>(StringComparer.Ordinal);
        var neighbours = new Dictionary<string, double>(StringComparer.Ordinal);
        var profiles = new Dictionary<string, double>(StringComparer.Ordinal);
        var articles = new Dictionary<string, double>(StringComparer.Ordinal);
        var rules = new Dictionary<string, double>(StringComparer.Ordinal);
        Dictionary<string, DepartmentInfo> departments;
        IReadOnlyList<DispatchRule> keywordRules;
        lock (_gate)
        {
            (departments, keywordRules) = (_departments, _keywordRules);
            RefreshProfiles();
            var terms = TicketTerms(query.Text, category, district);
            foreach (var (ticketId, similarity) in _tickets.Nearest(terms, Weights.K))
            {
                var record = _records[ticketId];
                neighbours[record.Department] = neighbours.GetValueOrDefault(record.Department) + similarity;
                Add(evidence, record.Department, new DispatchEvidence(DispatchEvidenceKind.SimilarTicket, ticketId, Excerpt(record.Text), similarity));
            }

            // Profiles: only the closest few, sharpened, so thirty faint similarities do not flatten the vote.
            foreach (var (department, similarity) in _profiles.Nearest(SparseVectorIndex.TermCounts(query.Text), Weights.K))
            {
                profiles[department] = similarity * similarity;
            }
        }

        for (var rank = 0; rank < articleHits.Count; rank++)
        {
            var hit = articleHits[rank];
            articles[hit.Department] = articles.GetValueOrDefault(hit.Department) + (1.0 / (rank + 1));
            Add(evidence, hit.Department, new DispatchEvidence(DispatchEvidenceKind.Article, hit.ArticleId, hit.Title, 1.0 / (rank + 1)));
        }

        var folded = TextFolding.Fold(query.Text);
        foreach (var rule in Rules.Rules.Concat(keywordRules))
        {
            if (rule.Match(folded, category, district) is { } found)
            {
                rules[rule.Department] = rules.GetValueOrDefault(rule.Department) + rule.Weight;
                var why = (found.Count > 0 ? "keywords " + string.Join("、", found) : "category/district")
                    + (rule.District is null ? string.Empty : " in " + rule.District);
                Add(evidence, rule.Department, new DispatchEvidence(DispatchEvidenceKind.Rule, rule.Id, why, rule.Weight));
            }
        }

        return Combine(departments, query.Limit, district, evidence, (neighbours, Weights.Neighbours), (profiles, Weights.Profile),
            (articles, Weights.Articles), (rules, Weights.Rules));
    }

    /// <summary>The best articles for the ticket; none when there is no knowledge base or its backend is down (dispatch must still work).</summary>
    private async Task<IReadOnlyList<SearchHit>> ArticleHitsAsync(string text, CancellationToken cancellationToken)
    {
        if (_knowledge is null)
        {
            return [];
        }

        try
        {
            return (await _knowledge.SearchAsync(new SearchRequest(ArticleQuery(text), Limit: 5), cancellationToken).ConfigureAwait(false)).Hits;
        }
        catch (SearchBackendException)
        {
            return [];
        }
    }

    private static List<DepartmentSuggestion> Combine(Dictionary<string, DepartmentInfo> departments, int limit, string? district, Dictionary<string, List<DispatchEvidence>> evidence,
        params (Dictionary<string, double> Scores, double Weight)[] signals)
    {
        // Each signal becomes a distribution over the departments allowed for this district, so
        // one strong signal cannot drown the others merely by its scale.
        var combined = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (scores, weight) in signals)
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
                evidence.TryGetValue(p.Key, out var list)
                    ? list.GroupBy(e => e.Kind).SelectMany(g => g.OrderByDescending(e => e.Weight).Take(EvidencePerKind)).ToList()
                    : []))
            .ToList();
    }

    /// <summary>A district government serves only its own district; with no district known, any.</summary>
    private static bool Serves(DepartmentInfo department, string? district) =>
        department.ServedDistrict is not { } served || district is null || served == district;

    private void RefreshProfiles()
    {
        foreach (var department in _staleProfiles)
        {
            if (!_departments.TryGetValue(department, out var info))
            {
                continue;
            }

            var text = string.Join('\n', _records.Values.Where(r => r.Department == department).Select(r => r.Text)
                .Append(info.Responsibilities).Concat(info.Keywords ?? []));
            _profiles.Set(department, SparseVectorIndex.TermCounts(text));
        }

        _staleProfiles.Clear();
    }

    private static void Require(DispatchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            throw new SearchInputException("text", "is empty");
        }

        if (query.Text.Length > MaxTextLength)
        {
            throw new SearchInputException("text", $"is longer than {MaxTextLength} characters");
        }

        if (!TextChecks.IsCleanText(query.Text, true))
        {
            throw new SearchInputException("text", "contains binary or control characters");
        }

        foreach (var (name, value) in new[] { ("category", query.Category), ("district", query.District) })
        {
            if (value is not null && (value.Length > 64 || !TextChecks.IsCleanText(value, false)))
            {
                throw new SearchInputException(name, "must be at most 64 printable characters");
            }
        }

        if (query.Limit is < 1 or > 20)
        {
            throw new SearchInputException("limit", "must be between 1 and 20");
        }
    }

    private static string ArticleQuery(string text)
    {
        var oneLine = text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        return oneLine.Length <= SearchRequestRules.MaxQueryLength ? oneLine : oneLine[..SearchRequestRules.MaxQueryLength];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Excerpt(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static void Add(Dictionary<string, List<DispatchEvidence>> evidence, string department, DispatchEvidence item)
    {
        if (!evidence.TryGetValue(department, out var list))
        {
            evidence[department] = list = [];
        }

        list.Add(item);
    }
}
