using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>Sent by a child ticket's grain to its parent while merging: the parent records the child. Idempotent.</summary>
public sealed record AttachMergedChild(Caller Caller, string ChildTicketId);
