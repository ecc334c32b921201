namespace Hotline.Contracts.Tickets;

/// <summary>
/// Makes ids for new tickets: "yyyyMMdd-HHmmss-NNNNNN" in the calendar's time zone, where N count up from a
/// random start on each host. Readable over the phone and sortable by creation second. Ids never repeat within
/// a host; two hosts sharing a database may rarely meet, which the store refuses with
/// <see cref="TicketRefusal.Aborted"/>: create through <see cref="ITicketCreation"/>, which draws again.
/// </summary>
public interface ITicketIds
{
    string NewId();
}
