namespace Hotline.Silo.Tickets.Events;

internal sealed record ProgressAdded(string DepartmentId, string Note) : TicketEvent
{
    public override string Type => "progress_added";
}
