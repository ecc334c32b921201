using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>The lead department asks for more time on a CLAIMED ticket (延期申请); one request may be pending at a time.</summary>
/// <param name="Days">Working days for NORMAL tickets, calendar days for UTILITY and EMERGENCY.</param>
[GenerateSerializer]
[Immutable]
public sealed record RequestExtension([property: Id(0)] Caller Caller, [property: Id(1)] int Days, [property: Id(2)] string Reason, [property: Id(3)] string? RequestId = null) : ITicketCommand;
