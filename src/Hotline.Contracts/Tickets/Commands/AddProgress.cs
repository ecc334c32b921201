using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>The lead or an assisting department adds a progress note to a DISPATCHED or CLAIMED ticket.</summary>
public sealed record AddProgress(Caller Caller, string Note);
