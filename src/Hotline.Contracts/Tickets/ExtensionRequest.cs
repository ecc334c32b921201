namespace Hotline.Contracts.Tickets;

/// <summary>A department's pending request for more time (延期申请).</summary>
/// <param name="Days">Days asked for: working days for NORMAL tickets, calendar days otherwise.</param>
public sealed record ExtensionRequest(string DepartmentId, int Days, string Reason, DateTimeOffset RequestedAt);
