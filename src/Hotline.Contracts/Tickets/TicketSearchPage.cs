namespace Hotline.Contracts.Tickets;

/// <summary>One page of tickets, newest first; <see cref="NextPageToken"/> is null on the last page.</summary>
public sealed record TicketSearchPage(IReadOnlyList<TicketView> Tickets, string? NextPageToken);
