using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Tests.Tickets.Grain;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>Return visits (回访) on the fake clock: delay, quiet hours, retries, unanswered; defaults 1 day, 3 attempts 2 h apart, 21:00–08:00 quiet.</summary>
public sealed class ReturnVisitTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(60);
    private static readonly Dictionary<string, string?> Automated = new() { ["ReturnVisit:Mode"] = "automated" };

    [Fact]
    public async Task Sweep_CitizenNeverAnswers_ThreeAttemptsTwoHoursApartThenUnanswered()
    {
        await using var host = await StartAsync();
        await AwaitingCallbackAsync(host, "T1");
        var line = new ScriptedReturnVisitLine(host.Time);
        var sweep = AlarmSweepTests.Sweep(host, line: line);

        host.AdvanceTo(new DateTimeOffset(2026, 11, 24, 9, 59, 0, Shanghai));
        await sweep.RunAsync(CancellationToken.None);
        Assert.Empty(line.Calls);
        foreach (var hour in new[] { 10, 12, 14 })
        {
            host.AdvanceTo(new DateTimeOffset(2026, 11, 24, hour, 0, 0, Shanghai));
            await sweep.RunAsync(CancellationToken.None);
            await WaitForAsync(host, "T1", "return_visit_failed", count: (hour - 8) / 2);
        }

        host.AdvanceTo(new DateTimeOffset(2026, 11, 25, 10, 0, 0, Shanghai));
        await sweep.RunAsync(CancellationToken.None);

        Assert.Equal(3, line.Calls.Count);
        Assert.All(line.Calls, c => Assert.Equal("13812341234", c.Number));
        var visits = await VisitHistoryAsync(host, "T1");
        Assert.Equal(
            ["return_visit_attempted", "return_visit_failed", "return_visit_attempted", "return_visit_failed", "return_visit_attempted", "return_visit_failed", "return_visit_unanswered"],
            visits.Select(v => v.Type));
        Assert.Equal(TicketState.AwaitingCallback, (await host.Ticket("T1").GetAsync(Agent)).State);
    }

    [Fact]
    public async Task Sweep_VisitFallsDueInQuietHours_CalledAtEightNextMorning()
    {
        await using var host = await StartAsync();
        host.AdvanceTo(new DateTimeOffset(2026, 11, 23, 21, 30, 0, Shanghai));
        await AwaitingCallbackAsync(host, "T1");
        var line = new ScriptedReturnVisitLine(host.Time, true);
        var sweep = AlarmSweepTests.Sweep(host, line: line);

        host.AdvanceTo(new DateTimeOffset(2026, 11, 24, 21, 31, 0, Shanghai));
        await sweep.RunAsync(CancellationToken.None);
        host.AdvanceTo(new DateTimeOffset(2026, 11, 25, 7, 59, 0, Shanghai));
        await sweep.RunAsync(CancellationToken.None);
        Assert.Empty(line.Calls);
        host.AdvanceTo(new DateTimeOffset(2026, 11, 25, 8, 0, 0, Shanghai));
        await sweep.RunAsync(CancellationToken.None);
        await WaitForAsync(host, "T1", "return_visit_reached", count: 1);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 0, 0, Shanghai), Assert.Single(line.Calls).At);
    }

    [Fact]
    public async Task Sweep_CitizenReached_NoMoreAttemptsAndTheAgentsAnswerClosesTheTicket()
    {
        await using var host = await StartAsync();
        await AwaitingCallbackAsync(host, "T1");
        var line = new ScriptedReturnVisitLine(host.Time, true);
        var sweep = AlarmSweepTests.Sweep(host, line: line);

        host.AdvanceTo(new DateTimeOffset(2026, 11, 24, 10, 0, 0, Shanghai));
        await sweep.RunAsync(CancellationToken.None);
        await WaitForAsync(host, "T1", "return_visit_reached", count: 1);
        host.AdvanceTo(new DateTimeOffset(2026, 11, 24, 16, 0, 0, Shanghai));
        var later = await sweep.RunAsync(CancellationToken.None);
        var closed = await host.Ticket("T1").RecordCallbackAsync(new RecordCallback(Agent, Satisfaction.Satisfied, "已解决"));

        Assert.Equal(0, later.Tickets);
        Assert.Single(line.Calls);
        Assert.Equal(TicketState.Closed, closed.State);
    }

    [Fact]
    public async Task Sweep_AutomatedSurvey_KeyThreeRecordsUnsatisfiedAndReopensTheTicket()
    {
        await using var host = await StartAsync(settings: Automated);
        await AwaitingCallbackAsync(host, "T1");
        var line = new ScriptedReturnVisitLine(host.Time);
        line.SurveyAnswers.Enqueue(Satisfaction.Unsatisfied);
        var sweep = AlarmSweepTests.Sweep(host, line: line);

        host.AdvanceTo(new DateTimeOffset(2026, 11, 24, 10, 0, 0, Shanghai));
        await sweep.RunAsync(CancellationToken.None);
        await WaitForAsync(host, "T1", "return_visit_reached", count: 1);
        var ticket = await host.Ticket("T1").GetAsync(Agent);
        var history = await host.Ticket("T1").GetHistoryAsync(Supervisor);

        Assert.Equal(TicketState.Reopened, ticket.State);
        Assert.Equal(["return_visit_attempted", "return_visit_reached", "callback_recorded"], history.TakeLast(3).Select(e => e.Type));
        Assert.Single(line.Calls);
    }

    [Fact]
    public async Task Sweep_AutomatedSurvey_NoKeyOnEveryAttempt_RetriedThenUnanswered()
    {
        await using var host = await StartAsync(settings: Automated);
        await AwaitingCallbackAsync(host, "T1");
        var line = new ScriptedReturnVisitLine(host.Time);
        var sweep = AlarmSweepTests.Sweep(host, line: line);

        foreach (var hour in new[] { 10, 12, 14 })
        {
            host.AdvanceTo(new DateTimeOffset(2026, 11, 24, hour, 0, 0, Shanghai));
            await sweep.RunAsync(CancellationToken.None);
            await WaitForAsync(host, "T1", "return_visit_failed", count: (hour - 8) / 2);
        }

        Assert.Equal(3, line.Calls.Count);
        Assert.Equal("return_visit_unanswered", (await VisitHistoryAsync(host, "T1"))[^1].Type);
        Assert.Equal(TicketState.AwaitingCallback, (await host.Ticket("T1").GetAsync(Agent)).State);
    }

    private static async Task AwaitingCallbackAsync(TicketGrainHost host, string id)
    {
        await host.CreateAsync(id);
        await host.Ticket(id).ResolveDirectlyAsync(new ResolveDirectly(Agent, "已告知办理流程"));
    }

    private static async Task<List<TicketHistoryEntry>> VisitHistoryAsync(TicketGrainHost host, string id) =>
        [.. (await host.Ticket(id).GetHistoryAsync(Supervisor)).Where(e => e.Type.StartsWith("return_visit_", StringComparison.Ordinal))];

    /// <summary>Polls (the dialer reports in the background) until the history holds <paramref name="count"/> entries of a type.</summary>
    private static async Task WaitForAsync(TicketGrainHost host, string id, string type, int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while ((await VisitHistoryAsync(host, id)).Count(e => e.Type == type) < count)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < PollTimeout, $"no {count} × {type} within {PollTimeout}");
            await Task.Delay(20);
        }
    }
}
