using Hotline.Search.Analysis;

namespace Hotline.Search.Usage;

/// <summary>
/// Past (ticket text, article) evidence, searchable by similarity: the tickets most like a new
/// question vote for the articles agents used on them, each vote weighted by the ticket's cosine
/// similarity (TF-IDF over bigrams, as the dispatch advisor's nearest tickets) and by how the
/// article was used. Thread safe.
/// </summary>
public sealed class ArticleUseHistory
{
    /// <summary>An opened article counts this much of an attached one.</summary>
    internal const float OpenedShare = 0.5f;

    private readonly object _gate = new();
    private readonly SparseVectorIndex _tickets = new();
    private readonly Dictionary<string, Dictionary<string, ArticleUseKind>> _articlesByTicket = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _textByTicket = new(StringComparer.Ordinal);

    /// <summary>Tickets with evidence.</summary>
    public int TicketCount
    {
        get
        {
            lock (_gate)
            {
                return _articlesByTicket.Count;
            }
        }
    }

    /// <summary>Keeps the evidence; the same ticket and article again keeps the stronger use.</summary>
    /// <exception cref="SearchInputException">A field is empty, oversized or binary.</exception>
    public void Record(ArticleUse use)
    {
        ArticleUseRules.Require(use);
        lock (_gate)
        {
            if (!_articlesByTicket.TryGetValue(use.TicketId, out var articles))
            {
                _articlesByTicket[use.TicketId] = articles = new Dictionary<string, ArticleUseKind>(StringComparer.Ordinal);
            }

            articles[use.ArticleId] = articles.TryGetValue(use.ArticleId, out var kind) && kind > use.Kind ? kind : use.Kind;
            SetText(use.TicketId, use.TicketText);
        }
    }

    public void Record(IEnumerable<ArticleUse> uses)
    {
        foreach (var use in uses)
        {
            Record(use);
        }
    }

    /// <summary>Forgets a ticket's evidence (e.g. the ticket was deleted as spam); false when unknown.</summary>
    public bool Forget(string ticketId)
    {
        lock (_gate)
        {
            _tickets.Remove(ticketId);
            _textByTicket.Remove(ticketId);
            return _articlesByTicket.Remove(ticketId);
        }
    }

    /// <summary>
    /// Articles lifted by the <paramref name="neighbours"/> past tickets most similar to the
    /// question, with their summed votes (similarity × use weight), strongest first.
    /// </summary>
    public IReadOnlyList<(string ArticleId, float Lift)> Lift(string question, int neighbours) => Lift(SparseVectorIndex.TermCounts(question), neighbours);

    /// <summary>As <see cref="Lift(string, int)"/>, for a question already analysed into term counts (typos repaired).</summary>
    internal IReadOnlyList<(string ArticleId, float Lift)> Lift(IReadOnlyDictionary<ulong, float> terms, int neighbours)
    {
        lock (_gate)
        {
            if (_textByTicket.Count == 0 || terms.Count == 0)
            {
                return [];
            }

            var articles = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var (ticket, similarity) in _tickets.Nearest(terms, neighbours))
            {
                foreach (var (article, kind) in _articlesByTicket[ticket])
                {
                    articles[article] = articles.GetValueOrDefault(article) + (similarity * (kind == ArticleUseKind.Attached ? 1f : OpenedShare));
                }
            }

            return articles.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
        }
    }

    private void SetText(string ticketId, string text)
    {
        // The latest text stands for the ticket (agents refine the description while handling it).
        if (!_textByTicket.TryGetValue(ticketId, out var known) || known != text)
        {
            _textByTicket[ticketId] = text;
            _tickets.Set(ticketId, SparseVectorIndex.TermCounts(text));
        }
    }
}
