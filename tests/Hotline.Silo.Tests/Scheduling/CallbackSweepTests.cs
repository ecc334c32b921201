using Hotline.Silo.Calendar;
using Hotline.Silo.Scheduling;
using Hotline.Silo.Tests.Fakes;
using Hotline.Silo.Tests.Storage;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotline.Silo.Tests.Scheduling;

/// <summary>
/// Callback requests (漏接回拨, queued callbacks) placed by the sweep on SQLite, on a clock that moves only when
/// told. Defaults: 3 attempts, 10 min doubling up to 2 h, quiet 21:00–08:00 Asia/Shanghai, queued grace 15 min.
/// </summary>
public sealed class CallbackSweepTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "hotline-callbacks-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(At(7, 10, 0));
    private readonly List<CallbackDialer> _dialers = [];
    private StorageInstance _store = null!;

    public async Task InitializeAsync() => _store = await StartStoreAsync();

    public async Task DisposeAsync()
    {
        foreach (var dialer in _dialers)
        {
            await dialer.DisposeAsync();
        }

        await _store.DisposeAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Sweep_CitizenNeverAnswers_ThreeAttemptsBackingOffThenGivenUp()
    {
        await RequestAsync("c1", "13800001111", CallbackKind.Abandoned);
        var calls = new ScriptedOutboundCalls(_time);
        var sweep = Sweep(calls);

        await sweep.RunAsync(CancellationToken.None);
        await WaitForAttemptsAsync("c1", 1);
        AdvanceTo(At(7, 10, 9));
        await sweep.RunAsync(CancellationToken.None);
        AdvanceTo(At(7, 10, 10));
        await sweep.RunAsync(CancellationToken.None);
        await WaitForAttemptsAsync("c1", 2);
        AdvanceTo(At(7, 10, 29));
        await sweep.RunAsync(CancellationToken.None);
        AdvanceTo(At(7, 10, 30));
        await sweep.RunAsync(CancellationToken.None);
        var progress = await WaitForAttemptsAsync("c1", 3);
        AdvanceTo(At(8, 12, 0));
        await sweep.RunAsync(CancellationToken.None);

        Assert.Equal([At(7, 10, 0), At(7, 10, 10), At(7, 10, 30)], calls.Calls.Select(c => c.At));
        Assert.All(calls.Calls, c => Assert.Equal(("13800001111", "general"), (c.Number, c.QueueId)));
        Assert.Equal([1, 2, 3], progress.Attempts.Select(a => a.Attempt));
        Assert.All(progress.Attempts, a => Assert.StartsWith("not reached: 13800001111 was not reached: 486", a.Result, StringComparison.Ordinal));
        Assert.Equal("unreached after 3 attempts", progress.Outcome);
        Assert.Equal(At(7, 10, 30), progress.CompletedAt);
        Assert.Null(progress.NextAttemptAt);
    }

    [Fact]
    public async Task Sweep_RetryFallsInQuietHours_NothingFrom21To8ThenPlacedAt8()
    {
        AdvanceTo(At(7, 20, 50));
        await RequestAsync("c1", "13800001111", CallbackKind.Abandoned);
        var calls = new ScriptedOutboundCalls(_time);
        var sweep = Sweep(calls);

        await sweep.RunAsync(CancellationToken.None);
        var first = await WaitForAttemptsAsync("c1", 1);
        foreach (var quiet in new[] { At(7, 21, 0), At(8, 7, 59) })
        {
            AdvanceTo(quiet);
            Assert.Equal(0, await sweep.RunAsync(CancellationToken.None));
        }

        AdvanceTo(At(8, 8, 0));
        await sweep.RunAsync(CancellationToken.None);
        await WaitForAttemptsAsync("c1", 2);

        Assert.Equal(At(8, 8, 0), first.NextAttemptAt);
        Assert.Equal([At(7, 20, 50), At(8, 8, 0)], calls.Calls.Select(c => c.At));
    }

    [Fact]
    public async Task Sweep_RequestMadeInQuietHours_WaitsForTheirEnd()
    {
        AdvanceTo(At(7, 23, 30));
        await RequestAsync("c1", "13800001111", CallbackKind.Abandoned);
        var calls = new ScriptedOutboundCalls(_time);
        calls.Answers("13800001111");
        var sweep = Sweep(calls);

        var atNight = await sweep.RunAsync(CancellationToken.None);
        AdvanceTo(At(8, 8, 0));
        var atEight = await sweep.RunAsync(CancellationToken.None);
        var progress = await WaitForAttemptsAsync("c1", 1);

        Assert.Equal((0, 1), (atNight, atEight));
        Assert.Equal("reached: call call-1", progress.Outcome);
        Assert.Equal(At(8, 8, 0), progress.CompletedAt);
    }

    [Fact]
    public async Task Sweep_CitizenCalledInBeforeTheCallback_NeverPlaced()
    {
        await RequestAsync("c1", "13800001111", CallbackKind.Abandoned);
        AdvanceTo(At(7, 10, 2));
        var cancelled = await _store.Callbacks.CancelForNumberAsync("13800001111", _time.GetUtcNow(), "cancelled: the citizen called in (call c2)", CancellationToken.None);
        await RequestAsync("c2", "13800001111", CallbackKind.Abandoned);
        var calls = new ScriptedOutboundCalls(_time);

        await Sweep(calls).RunAsync(CancellationToken.None);
        await WaitForAttemptsAsync("c2", 1);
        var first = (await _store.CallRecords.FindAsync("c1", CancellationToken.None))!.Callback!;

        Assert.Equal(1, cancelled);
        Assert.Equal("cancelled: the citizen called in (call c2)", first.Outcome);
        Assert.Empty(first.Attempts);
        Assert.Equal(["13800001111"], calls.Calls.Select(c => c.Number));
    }

    [Fact]
    public async Task Sweep_QueuedCallback_LeftToItsQueueForTheGraceThenPlaced()
    {
        await RequestAsync("c1", "13800001111", CallbackKind.Queued);
        var calls = new ScriptedOutboundCalls(_time);
        var sweep = Sweep(calls);

        AdvanceTo(At(7, 10, 14));
        var inGrace = await sweep.RunAsync(CancellationToken.None);
        AdvanceTo(At(7, 10, 15));
        var after = await sweep.RunAsync(CancellationToken.None);

        Assert.Equal((0, 1), (inGrace, after));
    }

    [Fact]
    public async Task Sweep_HostsRestartWithCallbacksDue_EachPlacedOnceAndAnUnreportedCallNotRedialledEarly()
    {
        foreach (var i in Enumerable.Range(1, 20))
        {
            await RequestAsync("c" + i, "1380000" + (1000 + i), CallbackKind.Abandoned);
        }

        // Before the crash a pass had claimed c1's first attempt; its call never reported.
        Assert.True(await _store.Callbacks.BeginAttemptAsync("c1", 1, At(7, 10, 0), At(7, 10, 10), CancellationToken.None));
        AdvanceTo(At(7, 10, 5));
        await using var second = await StartStoreAsync();
        var calls = new ScriptedOutboundCalls(_time);
        foreach (var i in Enumerable.Range(2, 20))
        {
            calls.Answers("1380000" + (1000 + i));
        }

        var passes = await Task.WhenAll(Sweep(calls).RunAsync(CancellationToken.None), Sweep(calls, second).RunAsync(CancellationToken.None));
        for (var i = 2; i <= 20; i++)
        {
            await WaitForAttemptsAsync("c" + i, 1);
        }

        AdvanceTo(At(7, 10, 10));
        await Sweep(calls).RunAsync(CancellationToken.None);
        var redialled = await WaitForAttemptsAsync("c1", 1);

        Assert.Equal(19, passes.Sum());
        Assert.Equal(20, calls.Calls.Count);
        Assert.Equal(20, calls.Calls.Select(c => c.Number).Distinct().Count());
        Assert.Equal(At(7, 10, 10), calls.Calls.Single(c => c.Number == "13800001001").At);
        Assert.Equal(2, Assert.Single(redialled.Attempts).Attempt);
    }

    [Fact]
    public async Task Sweep_AgentFirst_HoldsAnAgentBeforeEachDialAndOnlyAsManyAsAreFree()
    {
        foreach (var i in Enumerable.Range(1, 3))
        {
            await RequestAsync("c" + i, "1380000100" + i, CallbackKind.Abandoned);
        }

        var calls = new ScriptedOutboundCalls(_time);
        foreach (var i in Enumerable.Range(1, 3))
        {
            calls.Answers("1380000100" + i);
        }

        var sweep = Sweep(calls, agentFirst: true);

        var noneFree = await sweep.RunAsync(CancellationToken.None);
        calls.FreeAgents["general"] = 1;
        var oneFree = await sweep.RunAsync(CancellationToken.None);
        await WaitForAttemptsAsync("c1", 1);
        calls.FreeAgents["general"] += 5;
        var rest = await sweep.RunAsync(CancellationToken.None);
        // The pass only starts the dials; they run in the background, the last two side by side.
        await WaitForAttemptsAsync("c2", 1);
        await WaitForAttemptsAsync("c3", 1);

        Assert.Equal((0, 1, 2), (noneFree, oneFree, rest));
        Assert.Equal(["13800001001", "13800001002", "13800001003"], calls.Calls.Select(c => c.Number).Order());
        // Every citizen answered: the three held agents took the calls, none was handed back.
        Assert.Empty(calls.Released);
        Assert.Equal((0, 3), (calls.Held, calls.FreeAgents["general"]));
    }

    [Fact]
    public async Task Sweep_AgentFirstCitizenDoesNotAnswer_HeldAgentReleasedAndRetryHoldsAgain()
    {
        await RequestAsync("c1", "13800001001", CallbackKind.Abandoned);
        var calls = new ScriptedOutboundCalls(_time);
        calls.FreeAgents["general"] = 1;
        var sweep = Sweep(calls, agentFirst: true);

        await sweep.RunAsync(CancellationToken.None);
        var first = await WaitForAttemptsAsync("c1", 1);
        await WaitForReleasedAsync(calls, 1);
        AdvanceTo(At(7, 10, 10));
        calls.Answers("13800001001");
        await sweep.RunAsync(CancellationToken.None);
        var second = await WaitForAttemptsAsync("c1", 2);

        Assert.StartsWith("not reached: 13800001001 was not reached: 486", first.Attempts[0].Result, StringComparison.Ordinal);
        Assert.Equal(("hold-1", "callback not answered"), Assert.Single(calls.Released));
        Assert.StartsWith("reached: call", second.Attempts[1].Result, StringComparison.Ordinal);
        Assert.Equal(0, calls.FreeAgents["general"]);
    }

    private static async Task WaitForReleasedAsync(ScriptedOutboundCalls calls, int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (calls.Released.Count < count)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < PollTimeout, $"no {count} released reservations within {PollTimeout}");
            await Task.Delay(20);
        }
    }

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 12, day, hour, minute, 0, Shanghai);

    private void AdvanceTo(DateTimeOffset at) => _time.Advance(at - _time.GetUtcNow());

    private Task<StorageInstance> StartStoreAsync() =>
        StorageInstance.StartAsync(new Dictionary<string, string?> { ["DataDir"] = _dataDir });

    private CallbackSweep Sweep(ScriptedOutboundCalls calls, StorageInstance? store = null, bool agentFirst = false)
    {
        var schedule = (store ?? _store).Callbacks;
        var options = new CallbackOptions { Mode = agentFirst ? "agent-first" : "queue-first" };
        var plan = new CallbackPlan(options, QuietHours.Parse("21:00-08:00"), new WorkCalendar(new CalendarOptions()).TimeZone);
        var dialer = new CallbackDialer(calls, schedule, plan, _time, NullLogger<CallbackDialer>.Instance);
        _dialers.Add(dialer);
        return new CallbackSweep(schedule, plan, dialer, calls, _time, NullLogger<CallbackSweep>.Instance);
    }

    /// <summary>A citizen's request as the edge keeps it, with the record of the call that left it.</summary>
    private async Task RequestAsync(string callId, string number, CallbackKind kind)
    {
        var now = _time.GetUtcNow();
        await _store.CallRecords.SaveAsync(new CallDetailRecord { CallId = callId, Caller = number, ArrivedAt = now, Disposition = CallDisposition.AbandonedInQueue }, CancellationToken.None);
        await _store.Callbacks.SaveAsync(new CallbackRequest(callId, number, "general", kind, now, TimeSpan.FromSeconds(40)), CancellationToken.None);
    }

    /// <summary>Polls the call's record (the dialer reports in the background) until its callback logs <paramref name="count"/> attempts.</summary>
    private async Task<CallbackProgress> WaitForAttemptsAsync(string callId, int count)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var progress = (await _store.CallRecords.FindAsync(callId, CancellationToken.None))?.Callback;
            if (progress?.Attempts.Count >= count)
            {
                return progress;
            }

            Assert.True(TimeProvider.System.GetElapsedTime(started) < PollTimeout, $"{callId}: no {count} attempts within {PollTimeout}");
            await Task.Delay(20);
        }
    }
}
