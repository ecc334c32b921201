using Hotline.Search.Analysis;
using Hotline.Search.Engine;

namespace Hotline.Search.Dispatch;

/// <summary>
/// Smart dispatch (智能派单): ranks departments for a ticket by combining four signals, each
/// scaled to 0..1 across departments: the nearest resolved past tickets (kNN vote), similarity
/// to each department's profile (its past tickets plus its responsibilities), the departments of
/// the best-matching knowledge-base articles, and the operator rule table. A district government
/// is never suggested for another district's ticket.
/// </summary>
public sealed class DispatchAdvisor
{
    public const int MaxTextLength = 5000;

    private readonly object _gate = new();
    private Dictionary<string, DepartmentInfo> _departments;
    private IReadOnlyList<DispatchRule> _keywordRules;
    private readonly ISearchEngine? _knowledge;
    private readonly SparseVectorIndex _tickets = new();
    private readonly SparseVectorIndex _profiles = new();
    private readonly Dictionary<string, DispatchRecord> _records = new(StringComparer.Ordinal);
    private readonly HashSet<string> _staleProfiles = new(StringComparer.Ordinal);

    /// <param name="knowledge">Knowledge base for article evidence; null leaves that signal out.</param>
    public DispatchAdvisor(IEnumerable<DepartmentInfo> departments, DispatchRuleTable rules, ISearchEngine? knowledge = null)
    {
        (_departments, _keywordRules) = Directory(departments);
        Rules = rules;
        _knowledge = knowledge;
        _staleProfiles.UnionWith(_departments.Keys);
    }

    /// <summary>Signal weights; internal so the benchmark can report the contribution of each.</summary>
    internal DispatchWeights Weights { get; set; } = DispatchWeights.Default;

    /// <summary>The operator rule table, replaceable at run time.</summary>
    public DispatchRuleTable Rules { get; set; }

    /// <summary>Resolved dispatches learned so far.</summary>
    public int HistoryCount
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>
    /// Replaces the departments that may be suggested (the live directory: a disabled department
    /// is left out and is never suggested again). A new department is suggested from its
    /// responsibilities and keywords alone until it has resolved tickets of its own.
    /// </summary>
    public void SetDepartments(IEnumerable<DepartmentInfo> departments)
    {
        var (directory, keywordRules) = Directory(departments);
        lock (_gate)
        {
            foreach (var gone in _departments.Keys.Where(id => !directory.ContainsKey(id)))
            {
                _profiles.Remove(gone);
            }

            _departments = directory;
            _keywordRules = keywordRules;
            _staleProfiles.UnionWith(directory.Keys);
        }
    }

    /// <summary>The departments that may be suggested now, by id.</summary>
    public IReadOnlyCollection<string> DepartmentIds
    {
        get
        {
            lock (_gate)
            {
                return _departments.Keys.ToList();
            }
        }
    }

    /// <summary>Learns (or re-learns) a dispatch that was claimed and resolved without return.</summary>
    public void Learn(DispatchRecord record)
    {
        // Every ticket closing with a reply comes here from its commit: the text is analysed before taking the
        // lock, so commits and dispatch suggestions do not queue behind the analysis.
        var terms = TicketTerms(record.Text, record.Category, record.District);
        lock (_gate)
        {
            if (_records.TryGetValue(record.TicketId, out var previous))
            {
                _staleProfiles.Add(previous.Department);
            }

            _records[record.TicketId] = record;
            _tickets.Set(record.TicketId, terms);
            _staleProfiles.Add(record.Department);
        }
    }

    public void Learn(IEnumerable<DispatchRecord> records)
    {
        foreach (var record in records)
        {
            Learn(record);
        }
    }

    /// <summary>Forgets a dispatch (e.g. it was later returned); false when unknown.</summary>
    public bool Forget(string ticketId)
    {
        lock (_gate)
        {
            if (!_records.Remove(ticketId, out var record))
            {
                return false;
            }

            _tickets.Remove(ticketId);
            _staleProfiles.Add(record.Department);
            return true;
        }
    }

    /// <summary>The top departments for the ticket, best first, each with its evidence.</summary>
    /// <exception cref="SearchInputException">Text empty, longer than <see cref="MaxTextLength"/> or binary; limit out of 1..20.</exception>
    public async Task<IReadOnlyList<DepartmentSuggestion>> SuggestAsync(DispatchQuery query, CancellationToken cancellationToken = default)
    {
        DispatchQueryChecks.Require(query);
        var category = Blank(query.Category);
        var district = Blank(query.District);
        var articleHits = await ArticleHitsAsync(query.Text, cancellationToken).ConfigureAwait(false);

        var ballot = new DispatchBallot();
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
                ballot.Neighbours[record.Department] = ballot.Neighbours.GetValueOrDefault(record.Department) + similarity;
                ballot.AddEvidence(record.Department, new DispatchEvidence(DispatchEvidenceKind.SimilarTicket, ticketId, Excerpt(record.Text), similarity));
            }

            // Profiles: only the closest few, sharpened, so thirty faint similarities do not flatten the vote.
            foreach (var (department, similarity) in _profiles.Nearest(SparseVectorIndex.TermCounts(query.Text), Weights.K))
            {
                ballot.Profiles[department] = similarity * similarity;
            }
        }

        for (var rank = 0; rank < articleHits.Count; rank++)
        {
            var hit = articleHits[rank];
            ballot.Articles[hit.Department] = ballot.Articles.GetValueOrDefault(hit.Department) + (1.0 / (rank + 1));
            ballot.AddEvidence(hit.Department, new DispatchEvidence(DispatchEvidenceKind.Article, hit.ArticleId, hit.Title, 1.0 / (rank + 1)));
        }

        var folded = TextFolding.Fold(query.Text);
        foreach (var rule in Rules.Rules.Concat(keywordRules))
        {
            if (rule.Match(folded, category, district) is { } found)
            {
                ballot.Rules[rule.Department] = ballot.Rules.GetValueOrDefault(rule.Department) + rule.Weight;
                var why = (found.Count > 0 ? "keywords " + string.Join("、", found) : "category/district")
                    + (rule.District is null ? string.Empty : " in " + rule.District);
                ballot.AddEvidence(rule.Department, new DispatchEvidence(DispatchEvidenceKind.Rule, rule.Id, why, rule.Weight));
            }
        }

        return ballot.Rank(departments, query.Limit, district, Weights);
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

    private static string ArticleQuery(string text)
    {
        var oneLine = text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
        return oneLine.Length <= SearchRequestRules.MaxQueryLength ? oneLine : oneLine[..SearchRequestRules.MaxQueryLength];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Excerpt(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>The departments by id, and each department's keywords as a rule of its own (weight 1).</summary>
    private static (Dictionary<string, DepartmentInfo>, IReadOnlyList<DispatchRule>) Directory(IEnumerable<DepartmentInfo> departments)
    {
        var byId = departments.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var rules = byId.Values
            .Where(d => d.Keywords is { Count: > 0 })
            .Select(d => new DispatchRule("directory:" + d.Id, d.Id, d.Keywords!.Select(Analysis.TextFolding.Fold).ToList(), null, null, 1.0))
            .ToList();
        return (byId, rules);
    }

    private static Dictionary<ulong, float> TicketTerms(string text, string? category, string? district)
    {
        var terms = SparseVectorIndex.TermCounts(text);

        // The district and category take part as pseudo-terms, so a past ticket from the same
        // district counts a little more (district governments handle their own district only).
        if (!string.IsNullOrEmpty(district))
        {
            terms[TermKey.Word(("district:" + district).AsSpan())] = 2;
        }

        if (!string.IsNullOrEmpty(category))
        {
            terms[TermKey.Word(("category:" + category).AsSpan())] = 1;
        }

        return terms;
    }
}
