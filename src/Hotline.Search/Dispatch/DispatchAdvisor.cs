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
    private readonly Dictionary<string, DepartmentInfo> _departments;
    private readonly ISearchEngine? _knowledge;
    private readonly SparseVectorIndex _tickets = new();
    private readonly SparseVectorIndex _profiles = new();
    private readonly Dictionary<string, DispatchRecord> _records = new(StringComparer.Ordinal);
    private readonly HashSet<string> _staleProfiles = new(StringComparer.Ordinal);

    /// <param name="knowledge">Knowledge base for article evidence; null leaves that signal out.</param>
    public DispatchAdvisor(IEnumerable<DepartmentInfo> departments, DispatchRuleTable rules, ISearchEngine? knowledge = null)
    {
        _departments = departments.ToDictionary(d => d.Id, StringComparer.Ordinal);
        Rules = rules;
        _knowledge = knowledge;
        foreach (var department in _departments.Keys)
        {
            _staleProfiles.Add(department);
        }
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

    /// <summary>Learns (or re-learns) a dispatch that was claimed and resolved without return.</summary>
    public void Learn(DispatchRecord record)
    {
        lock (_gate)
        {
            if (_records.TryGetValue(record.TicketId, out var previous))
            {
                _staleProfiles.Add(previous.Department);
            }

            _records[record.TicketId] = record;
            _tickets.Set(record.TicketId, TicketTerms(record.Text, record.Category, record.District));
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
