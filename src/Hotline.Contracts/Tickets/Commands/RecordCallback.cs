using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// Staff record the callback (回访) of an AWAITING_CALLBACK ticket: satisfied or basically satisfied → CLOSED;
/// unsatisfied → REOPENED; unreachable → stays AWAITING_CALLBACK.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record RecordCallback([property: Id(0)] Caller Caller, [property: Id(1)] Satisfaction Satisfaction, [property: Id(2)] string? Note, [property: Id(3)] string? RequestId = null) : ITicketCommand;
