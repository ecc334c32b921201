using System.Text.RegularExpressions;
using Hotline.Silo.Calendar;
using Hotline.Silo.Tests.Fakes;
using Hotline.Silo.Tickets;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketIdGeneratorTests
{
    [Fact]
    public void NewId_LateUtcEvening_UsesShanghaiDateAndTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 17, 30, 5, TimeSpan.Zero));
        var ids = new TicketIdGenerator(clock, new WorkCalendar(new CalendarOptions()));

        var id = ids.NewId();

        Assert.Matches(new Regex("^20261123-013005-[0-9]{6}$"), id);
    }

    [Fact]
    public void NewId_FiveThousandInOneSecond_AllDistinctInThatSecond()
    {
        var ids = new TicketIdGenerator(new FakeTimeProvider(TicketScenario.Monday10), new WorkCalendar(new CalendarOptions()));

        var made = Enumerable.Range(0, 5000).Select(_ => ids.NewId()).ToList();

        Assert.Equal(5000, made.Distinct().Count());
        Assert.All(made, id => Assert.Matches(new Regex("^20261123-100000-[0-9]{6}$"), id));
    }
}
