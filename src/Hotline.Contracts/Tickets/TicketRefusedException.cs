namespace Hotline.Contracts.Tickets;

/// <summary>A ticket command or query was refused. The message is precise and safe to show to the caller.</summary>
[GenerateSerializer]
public sealed class TicketRefusedException : Exception
{
    public TicketRefusedException(TicketRefusal kind, string message, string? field = null, TicketState? state = null)
        : base(message)
    {
        Kind = kind;
        Field = field;
        State = state;
    }

    /// <summary>The kind of refusal, mapped 1:1 to a gRPC status.</summary>
    [Id(0)]
    public TicketRefusal Kind { get; }

    /// <summary>For <see cref="TicketRefusal.InvalidArgument"/>: the snake_case field at fault, e.g. "reason".</summary>
    [Id(1)]
    public string? Field { get; }

    /// <summary>For <see cref="TicketRefusal.FailedPrecondition"/>: the state the ticket is in.</summary>
    [Id(2)]
    public TicketState? State { get; }

    public static TicketRefusedException NotFound(string ticketId) =>
        new(TicketRefusal.NotFound, $"ticket '{ticketId}' not found");

    public static TicketRefusedException Invalid(string field, string problem) =>
        new(TicketRefusal.InvalidArgument, $"{field}: {problem}", field);

    public static TicketRefusedException WrongState(TicketState state, string action) =>
        new(TicketRefusal.FailedPrecondition, $"cannot {action}: ticket is {TicketStateNames.Wire(state)}", state: state);

    public static TicketRefusedException Denied(string message) =>
        new(TicketRefusal.PermissionDenied, message);

    public static TicketRefusedException Aborted(string message) =>
        new(TicketRefusal.Aborted, message);
}
