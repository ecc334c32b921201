using Hotline.Search.Analysis;

namespace Hotline.Search.Similar;

/// <summary>
/// Open tickets, for finding the same matter at the same place before dispatching twice (并单).
/// The host adds tickets when they open, updates them on edits and removes them when they close.
/// Thread safe.
/// </summary>
public sealed class OpenTicketIndex
{
    public const int MaxTextLength = 5000;
    private const int Candidates = 50;

    private readonly object _gate = new();
    private readonly SparseVectorIndex _texts = new();
    private readonly Dictionary<string, (OpenTicket Ticket, IReadOnlyList<string> Places, HashSet<ulong> PlaceKeys)> _tickets = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tickets.Count;
            }
        }
    }

    /// <summary>Adds or replaces an open ticket.</summary>
    /// <exception cref="SearchInputException">Id or text empty, oversized or binary.</exception>
    public void Upsert(OpenTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (string.IsNullOrWhiteSpace(ticket.TicketId) || ticket.TicketId.Length > 64 || !TextChecks.IsCleanText(ticket.TicketId, false))
        {
            throw new SearchInputException("ticket_id", "must be 1-64 printable characters");
        }

        RequireText(ticket.Text);
        RequireAddress(ticket.Address);

        // The host hands over every transition of an open ticket, and most change nothing indexed here:
        // analysing the text again would cost CPU on every commit for the same entry.
        lock (_gate)
        {
            if (_tickets.TryGetValue(ticket.TicketId, out var indexed) && indexed.Ticket == ticket)
            {
                return;
            }
        }

        // Analysed outside the lock, so concurrent commits and searches do not queue behind the text analysis.
        var places = PlaceNames.Extract(ticket.Text + " " + ticket.Address);
        var terms = SparseVectorIndex.TermCounts(ticket.Text);
        var placeKeys = PlaceNames.Bigrams(places);
        lock (_gate)
        {
            _texts.Set(ticket.TicketId, terms);
            _tickets[ticket.TicketId] = (ticket, places, placeKeys);
        }
    }

    /// <summary>Removes a ticket (closed or merged); false when it was not open.</summary>
    public bool Remove(string ticketId)
    {
        lock (_gate)
        {
            _texts.Remove(ticketId);
            return _tickets.Remove(ticketId);
        }
    }

    /// <summary>Open tickets likely about the same matter at the same place, best first.</summary>
    /// <exception cref="SearchInputException">Text empty, oversized or binary; limit outside 1..50.</exception>
    public IReadOnlyList<SimilarTicket> FindSimilar(SimilarTicketQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        RequireText(query.Text);
        RequireAddress(query.Address);
        if (query.Limit is < 1 or > 50)
        {
            throw new SearchInputException("limit", "must be between 1 and 50");
        }

        var district = string.IsNullOrWhiteSpace(query.District) ? null : query.District.Trim();
        var places = PlaceNames.Extract(query.Text + " " + query.Address);
        var placeKeys = PlaceNames.Bigrams(places);
        lock (_gate)
        {
            var nearest = _texts.Nearest(SparseVectorIndex.TermCounts(query.Text), Candidates, id =>
                id != query.ExcludeTicketId && (district is null || _tickets[id].Ticket.District is not { } d || d == district));
            return nearest
                .Select(n => Score(n.Key, n.Similarity, places, placeKeys))
                .Where(s => s.Score >= query.MinScore)
                .OrderByDescending(s => s.Score)
                .ThenBy(s => s.TicketId, StringComparer.Ordinal)
                .Take(query.Limit)
                .ToList();
        }
    }

    private SimilarTicket Score(string ticketId, float textSimilarity, IReadOnlyList<string> places, HashSet<ulong> placeKeys)
    {
        var candidate = _tickets[ticketId];
        var overlap = placeKeys.Count == 0 ? 0 : (double)placeKeys.Count(candidate.PlaceKeys.Contains) / placeKeys.Count;
        var shared = places.Where(p => PlaceNames.Bigrams([p]).Any(candidate.PlaceKeys.Contains)).Distinct().ToList();
        return new SimilarTicket(ticketId, (0.6 * textSimilarity) + (0.4 * overlap), textSimilarity, overlap >= 0.5, shared);
    }

    private static void RequireAddress(string? address)
    {
        if (address is not null && (address.Length > 200 || !TextChecks.IsCleanText(address, false)))
        {
            throw new SearchInputException("address", "must be at most 200 printable characters");
        }
    }

    private static void RequireText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new SearchInputException("text", "is empty");
        }

        if (text.Length > MaxTextLength)
        {
            throw new SearchInputException("text", $"is longer than {MaxTextLength} characters");
        }

        if (!TextChecks.IsCleanText(text, true))
        {
            throw new SearchInputException("text", "contains binary or control characters");
        }
    }
}
