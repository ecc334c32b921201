namespace Hotline.Silo.Tickets.Events;

/// <param name="NewHandleDue">The moved handling deadline when approved.</param>
internal sealed record ExtensionDecided(bool Approved, string? Reason, DateTimeOffset? NewHandleDue) : TicketEvent
{
    public override string Type => Approved ? "extension_approved" : "extension_denied";
}
