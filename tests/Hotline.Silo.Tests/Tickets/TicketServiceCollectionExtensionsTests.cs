using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;
using Hotline.Silo.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.Tests.Tickets;

public sealed class TicketServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTicketDomain(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddTicketDomain_NoSettings_Defaults2026AndPractice()
    {
        using var services = Build([]);

        var calendar = services.GetRequiredService<WorkCalendar>();
        var options = services.GetRequiredService<IOptions<TicketOptions>>().Value;

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(TimeSpan.FromMinutes(15), options.EmergencySignWithin);
        Assert.True(options.NeedsCallback(Category.Complaint));
        Assert.False(options.NeedsCallback(Category.Consultation));
        Assert.NotNull(services.GetRequiredService<ITicketIds>().NewId());
    }

    [Fact]
    public void AddTicketDomain_ConfiguredLists_ReplaceBuiltIns()
    {
        using var services = Build(new()
        {
            ["Calendar:Holidays:0"] = "2027-01-01",
            ["Calendar:MakeUpWorkdays:0"] = "2027-01-09",
            ["Tickets:CategoriesWithoutCallback:0"] = "Praise",
            ["Tickets:UtilitySignWithin"] = "00:20:00",
        });

        var calendar = services.GetRequiredService<WorkCalendar>();
        var options = services.GetRequiredService<IOptions<TicketOptions>>().Value;

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 9)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(options.NeedsCallback(Category.Consultation));
        Assert.False(options.NeedsCallback(Category.Praise));
        Assert.Equal(TimeSpan.FromMinutes(20), options.UtilitySignWithin);
    }

    [Fact]
    public void AddTicketDomain_BadWarningFraction_RefusedByValidation()
    {
        using var services = Build(new() { ["Tickets:WarningFraction"] = "1.5" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TicketOptions>>().Value);
        Assert.Contains("WarningFraction", error.Message, StringComparison.Ordinal);
    }
}
