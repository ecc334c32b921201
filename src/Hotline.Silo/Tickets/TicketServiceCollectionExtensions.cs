using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;
using Hotline.Silo.Scheduling;
using Hotline.Silo.Tickets.Alarms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.Tickets;

/// <summary>Registers the ticket domain: options, calendar, rules, and the read ports the Api uses.</summary>
internal static class TicketServiceCollectionExtensions
{
    /// <summary>
    /// Key of the clock the ticket rules, views and ids read: the host's <see cref="TimeProvider"/> unless a test
    /// registers its own under this key. It is kept apart from the clock Orleans runs its timers on, so a
    /// test's fake clock moves deadlines, not the silo's messaging and membership.
    /// </summary>
    public const string ClockKey = "tickets";

    /// <summary>
    /// Binds "Tickets" and "Calendar" and registers the singletons the ticket grain and the Api need.
    /// The grain runtime maps <c>ITicketGrain</c> → <see cref="TicketGrain"/> and <c>IDepartmentGrain</c> →
    /// <see cref="DepartmentGrain"/>; <c>ITicketStore</c> and <c>IDepartmentDirectory</c> come from storage.
    /// </summary>
    public static IServiceCollection AddTicketDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TicketOptions>()
            .Bind(configuration.GetSection(TicketOptions.SectionName))
            .Validate(o => o.WarningFraction is > 0 and <= 1, "Tickets:WarningFraction must be in (0, 1]")
            .Validate(o => o.DispatchesBeforeDesignation >= 1, "Tickets:DispatchesBeforeDesignation must be at least 1")
            .Validate(o => o.EscalateAfterOverdueWorkingDays >= 0, "Tickets:EscalateAfterOverdueWorkingDays must not be negative")
            .Validate(o => o.ReturnWindowWorkingDays >= 0 && o.NormalSignWorkingDays >= 0 && o.MaxExtensionDays >= 1, "Tickets: day counts must not be negative")
            .ValidateOnStart();
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(ClockKey, static (sp, _) => sp.GetRequiredService<TimeProvider>());
        services.TryAddSingleton(new SingleActivation(AcrossHosts: false));
        services.AddSingleton(sp => new WorkCalendar(sp.GetRequiredService<IOptions<CalendarOptions>>().Value));
        services.AddSingleton(sp => new TicketDeadlines(sp.GetRequiredService<IOptions<TicketOptions>>().Value, sp.GetRequiredService<WorkCalendar>()));
        services.AddSingleton(sp => new TicketRules(sp.GetRequiredService<IOptions<TicketOptions>>().Value, sp.GetRequiredService<TicketDeadlines>()));
        services.AddOptions<ReturnVisitOptions>()
            .Bind(configuration.GetSection(ReturnVisitOptions.SectionName))
            .Validate(o => o.Attempts >= 1 && o.Delay >= TimeSpan.Zero && o.RetryInterval > TimeSpan.Zero, "ReturnVisit: Attempts must be at least 1, Delay not negative, RetryInterval positive")
            .Validate(o => o.Modes.Values.Append(o.Mode).All(m => m.Trim().ToLowerInvariant() is "agent" or "automated" or "off"), "ReturnVisit:Mode and ReturnVisit:Modes:<category> must be 'agent', 'automated' or 'off'")
            .ValidateOnStart();
        services.AddSingleton(sp => new TicketAlarms(
            sp.GetRequiredService<IOptions<TicketOptions>>().Value,
            sp.GetRequiredService<WorkCalendar>(),
            sp.GetRequiredService<IOptions<ReturnVisitOptions>>().Value,
            QuietHours.Parse(configuration["Schedule:QuietHours"] ?? new ScheduleOptions().QuietHours)));
        services.AddSingleton<ScheduleChanges>();
        services.AddSingleton<TicketSchedule>();
        services.AddSingleton<TicketFeedNotices>();
        services.AddSingleton<TicketCommitBuilder>();
        services.AddSingleton<TicketRequestGate>();
        services.AddSingleton<TicketViews>();
        services.AddSingleton<ITicketQueries, TicketQueries>();
        services.AddSingleton<ITicketFeed, TicketFeed>();
        services.AddSingleton<ITicketIds, TicketIdGenerator>();
        return services;
    }
}
