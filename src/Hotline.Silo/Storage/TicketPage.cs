namespace Hotline.Silo.Storage;

/// <summary>One page of tickets; <see cref="NextPageToken"/> is null on the last page.</summary>
internal sealed record TicketPage(IReadOnlyList<StoredTicket> Tickets, string? NextPageToken);
