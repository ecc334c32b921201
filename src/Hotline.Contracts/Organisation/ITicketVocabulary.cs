using Hotline.Contracts.Tickets;

namespace Hotline.Contracts.Organisation;

/// <summary>The directory's district and category lists, which every new ticket is checked against.</summary>
public interface ITicketVocabulary
{
    /// <summary>
    /// Null when the district and the category are on the lists (or are left to the ticket's own field rules:
    /// a blank district, an undefined category); otherwise the refusal naming the field, to throw.
    /// </summary>
    ValueTask<TicketRefusedException?> CheckAsync(string? district, Category category, CancellationToken cancellationToken);
}
