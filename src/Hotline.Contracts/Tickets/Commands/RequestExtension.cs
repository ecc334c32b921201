using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>The lead department asks for more time on a CLAIMED ticket (延期申请); one request may be pending at a time.</summary>
/// <param name="Days">Working days for NORMAL tickets, calendar days for UTILITY and EMERGENCY.</param>
public sealed record RequestExtension(Caller Caller, int Days, string Reason);
