using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets.Events;

internal sealed record CallbackRecorded(Satisfaction Satisfaction, string? Note) : TicketEvent
{
    public override string Type => "callback_recorded";
}
