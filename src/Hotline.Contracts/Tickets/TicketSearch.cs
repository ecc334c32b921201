namespace Hotline.Contracts.Tickets;

/// <summary>Filters for a staff search; null or empty means "any".</summary>
/// <param name="PageSize">1–100; 0 means the default of 20 (<see cref="Paging.PageSizes"/>).</param>
/// <param name="PageToken">The <see cref="TicketSearchPage.NextPageToken"/> of the previous page.</param>
/// <param name="ExtensionPending">Only tickets whose extension request waits for a supervisor's decision (an indexed flag).</param>
public sealed record TicketSearch(
    IReadOnlyList<TicketState>? States = null,
    string? DepartmentId = null,
    string? CallerPhone = null,
    string? District = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    int PageSize = 0,
    string? PageToken = null,
    bool ExtensionPending = false);
