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
public sealed partial class DispatchAdvisor
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
