namespace Hotline.Search.Similar;

/// <summary>An open ticket as the duplicate detector sees it; the host feeds these as tickets open, change and close.</summary>
/// <param name="Address">Structured address when the agent filled one in; places are also read from the text.</param>
public sealed record OpenTicket(string TicketId, string Text, string? Category, string? District, string? Address = null);
