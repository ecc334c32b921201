using System.Globalization;
using System.Security.Cryptography;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;

namespace Hotline.Silo.Tickets;

/// <summary>
/// "yyyyMMdd-HHmmss-NNNNNN": the local creation second, then six random digits. No coordination is
/// needed between hosts sharing a database; a rare collision is refused by the store's version check
/// (a new ticket commits only at version 0) and answered with Aborted.
/// </summary>
internal sealed class TicketIdGenerator([FromKeyedServices(TicketServiceCollectionExtensions.ClockKey)] TimeProvider time, WorkCalendar calendar) : ITicketIds
{
    public string NewId()
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendar.TimeZone);
        var suffix = RandomNumberGenerator.GetInt32(1_000_000);
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyyMMdd-HHmmss}-{suffix:D6}");
    }
}
