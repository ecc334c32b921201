namespace Hotline.Silo.Tickets.Events;

internal sealed record ExtensionRequested(string DepartmentId, int Days, string Reason) : TicketEvent
{
    public override string Type => "extension_requested";
}
