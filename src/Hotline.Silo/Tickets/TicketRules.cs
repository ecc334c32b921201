using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets;

/// <summary>
/// The lifecycle's rules, one collaborator per stage: given the current state, a command and the time,
/// the events it causes, or a <see cref="TicketRefusedException"/>. Free of I/O; the grain looks
/// departments up beforehand. Stages whose rules need no options (claiming, noting progress, replying,
/// review) are static on <see cref="TicketHandlingRules"/> and <see cref="TicketReviewRules"/>.
/// </summary>
internal sealed class TicketRules(TicketOptions options, TicketDeadlines deadlines)
{
    public TicketDeadlines Deadlines => deadlines;

    public TicketIntakeRules Intake { get; } = new(options);

    public TicketDispatchRules Dispatch { get; } = new(options, deadlines);

    public TicketHandlingRules Handling { get; } = new(options, deadlines);
}
