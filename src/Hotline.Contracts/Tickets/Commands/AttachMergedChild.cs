using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>Sent by a child ticket's grain to its parent while merging: the parent records the child. Idempotent.</summary>
[GenerateSerializer]
[Immutable]
public sealed record AttachMergedChild([property: Id(0)] Caller Caller, [property: Id(1)] string ChildTicketId);
