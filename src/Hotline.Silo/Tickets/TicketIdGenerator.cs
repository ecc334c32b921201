using System.Globalization;
using System.Security.Cryptography;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;

namespace Hotline.Silo.Tickets;

/// <summary>
/// "yyyyMMdd-HHmmss-NNNNNN": the local creation second, then a six-digit counter. Each host starts its counter
/// at a random point and steps it by one per id, so a host never repeats an id (short of a million in one
/// second) and needs no coordination with others. Random digits per id would repeat within a busy second (a few
/// hundred ids make a repeat likely). Two hosts sharing a database collide only when their counters meet in
/// the same second; the store refuses that (a new ticket commits only at version 0) and
/// <see cref="TicketCreation"/> draws again.
/// </summary>
internal sealed class TicketIdGenerator([FromKeyedServices(TicketServiceCollectionExtensions.ClockKey)] TimeProvider time, WorkCalendar calendar) : ITicketIds
{
    private const int SuffixRange = 1_000_000;

    private long _issued = RandomNumberGenerator.GetInt32(SuffixRange);

    public string NewId()
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendar.TimeZone);
        var suffix = Interlocked.Increment(ref _issued) % SuffixRange;
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyyMMdd-HHmmss}-{suffix:D6}");
    }
}
