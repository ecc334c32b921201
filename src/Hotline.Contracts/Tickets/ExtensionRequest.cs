namespace Hotline.Contracts.Tickets;

/// <summary>A department's pending request for more time (延期申请).</summary>
/// <param name="Days">Days asked for: working days for NORMAL tickets, calendar days otherwise.</param>
[GenerateSerializer]
[Immutable]
public sealed record ExtensionRequest([property: Id(0)] string DepartmentId, [property: Id(1)] int Days, [property: Id(2)] string Reason, [property: Id(3)] DateTimeOffset RequestedAt);
