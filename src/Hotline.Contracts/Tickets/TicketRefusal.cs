namespace Hotline.Contracts.Tickets;

/// <summary>Why a ticket command was refused; each kind maps to the gRPC status of the same name.</summary>
[GenerateSerializer]
public enum TicketRefusal
{
    /// <summary>The ticket does not exist, or the calling department may not know it exists.</summary>
    NotFound,

    /// <summary>A field is missing or malformed; <see cref="TicketRefusedException.Field"/> names it.</summary>
    InvalidArgument,

    /// <summary>The transition is illegal in the current state; <see cref="TicketRefusedException.State"/> names it.</summary>
    FailedPrecondition,

    /// <summary>The caller's kind or role may not do this.</summary>
    PermissionDenied,

    /// <summary>Another host changed the ticket first; reload and retry.</summary>
    Aborted,
}
