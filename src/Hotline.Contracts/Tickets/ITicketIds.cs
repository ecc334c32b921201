namespace Hotline.Contracts.Tickets;

/// <summary>
/// Makes ids for new tickets: "yyyyMMdd-HHmmss-NNNNNN" in the calendar's time zone, where N are random
/// digits. Readable over the phone and sortable by creation second. A collision is unlikely and safe:
/// creating on an id in use is refused with <see cref="TicketRefusal.Aborted"/>; ask for a new id and retry.
/// </summary>
public interface ITicketIds
{
    string NewId();
}
