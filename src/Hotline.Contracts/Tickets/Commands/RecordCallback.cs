using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// Staff record the callback (回访) of an AWAITING_CALLBACK ticket: satisfied or basically satisfied → CLOSED;
/// unsatisfied → REOPENED; unreachable → stays AWAITING_CALLBACK.
/// </summary>
public sealed record RecordCallback(Caller Caller, Satisfaction Satisfaction, string? Note);
