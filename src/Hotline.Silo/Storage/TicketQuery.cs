namespace Hotline.Silo.Storage;

/// <summary>Filters for ticket lists; null means "any". A department's list always sets <see cref="DepartmentId"/>.</summary>
internal sealed record TicketQuery(
    IReadOnlyList<string>? States = null,
    string? DepartmentId = null,
    string? CallerPhone = null,
    string? District = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    int PageSize = 50,
    string? PageToken = null,
    bool ExtensionPending = false);
