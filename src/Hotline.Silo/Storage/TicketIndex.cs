namespace Hotline.Silo.Storage;

/// <summary>The columns tickets are searched by; rewritten with every commit.</summary>
/// <param name="DepartmentIds">Every department the ticket is currently dispatched to (lead first, then assisting).</param>
internal sealed record TicketIndex(
    string State,
    IReadOnlyList<string> DepartmentIds,
    string CallerPhone,
    string District,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
