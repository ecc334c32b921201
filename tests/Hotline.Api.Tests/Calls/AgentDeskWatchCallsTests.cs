using Grpc.Core;
using Hotline.Api.Tests.Calls.Fakes;
using Hotline.Api.Tests.Support;
using Hotline.Contracts.Security;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Logging;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>AgentDesk.WatchCalls: the screen pop with the caller's earlier tickets, and how the stream ends.</summary>
public sealed class AgentDeskWatchCallsTests : IAsyncLifetime
{
    private const string Path = "/hotline.v1.AgentDesk/WatchCalls";
    private const string Caller = "13800001234";

    /// <summary>Bounds a broken server so the suite cannot hang; never reached when things work.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly DateTimeOffset Ringing = new(2026, 12, 6, 9, 30, 0, TimeSpan.FromHours(8));

    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Assert.Empty(_api.Logs.EventIds(LogLevel.Error));
    }

    [Fact]
    public async Task WatchCalls_Ringing_ScreenPopWithTheCallersTenNewestTicketsUnmasked()
    {
        for (int day = 1; day <= 12; day++)
        {
            _api.Tickets.Tickets.Add(FakeTicketQueries.Ticket($"T{day:00}", Caller, Ringing.AddDays(-30 + day), content: $"第{day}次来电"));
        }

        _api.Tickets.Tickets.Add(FakeTicketQueries.Ticket("OTHER", "13900009999", Ringing.AddDays(-1)));
        await using var call = await WatchAsync(TestTokenValidator.StaffToken);

        await _api.CallCenter.CallsOf("S01").WriteAsync(new AgentCallNotice(AgentCallPhase.Ringing, "call-1", Caller, "q-general", Ringing));
        var pop = await ReadAsync(call);

        Assert.Equal(ApiV1.AgentCallPhase.Ringing, pop.Phase);
        Assert.Equal(("call-1", Caller, "q-general", ""), (pop.CallId, pop.CallerNumber, pop.QueueId, pop.Detail));
        Assert.Equal(Ringing, pop.At.ToDateTimeOffset());
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(day => $"T{day:00}"), pop.EarlierTickets.Select(t => t.TicketId));
        var newest = pop.EarlierTickets[0];
        Assert.Equal(
            (ApiV1.TicketState.Dispatched, ApiV1.Category.Complaint, ApiV1.Urgency.Normal, "第12次来电", "海淀区", "zjw"),
            (newest.State, newest.Category, newest.Urgency, newest.Content, newest.District, newest.DepartmentId));
        Assert.Equal(Ringing.AddDays(-18), newest.CreatedAt.ToDateTimeOffset());
        var (searcher, search) = Assert.Single(_api.Tickets.Searches);
        Assert.Equal(new Caller(CallerKind.Staff, "S01", StaffRole.Agent), searcher);
        Assert.Equal((Caller, 10), (search.CallerPhone, search.PageSize));
    }

    [Fact]
    public async Task WatchCalls_AnsweredThenEnded_TicketsWithAnsweredOnly()
    {
        _api.Tickets.Tickets.Add(FakeTicketQueries.Ticket("T1", Caller, Ringing.AddDays(-3)));
        await using var call = await WatchAsync(TestTokenValidator.StaffToken);
        var calls = _api.CallCenter.CallsOf("S01");

        await calls.WriteAsync(new AgentCallNotice(AgentCallPhase.Answered, "call-1", Caller, "q", Ringing.AddSeconds(5)));
        await calls.WriteAsync(new AgentCallNotice(AgentCallPhase.Ended, "call-1", Caller, "q", Ringing.AddMinutes(3), "caller hung up"));
        var answered = await ReadAsync(call);
        var ended = await ReadAsync(call);

        Assert.Equal((ApiV1.AgentCallPhase.Answered, "T1"), (answered.Phase, Assert.Single(answered.EarlierTickets).TicketId));
        Assert.Equal((ApiV1.AgentCallPhase.Ended, "caller hung up"), (ended.Phase, ended.Detail));
        Assert.Empty(ended.EarlierTickets);
        Assert.Single(_api.Tickets.Searches);
    }

    [Fact]
    public async Task WatchCalls_AnonymousCaller_NoSearchNoTickets()
    {
        _api.Tickets.Tickets.Add(FakeTicketQueries.Ticket("T1", "", Ringing.AddDays(-3)));
        await using var call = await WatchAsync(TestTokenValidator.StaffToken);

        await _api.CallCenter.CallsOf("S01").WriteAsync(new AgentCallNotice(AgentCallPhase.Ringing, "call-2", "", "q", Ringing));
        var pop = await ReadAsync(call);

        Assert.Equal("call-2", pop.CallId);
        Assert.Empty(pop.EarlierTickets);
        Assert.Empty(_api.Tickets.Searches);
    }

    [Fact]
    public async Task WatchCalls_TicketSearchFails_NoticeStillArrivesAndTheFailureIsLogged()
    {
        _api.Tickets.Failure = new InvalidOperationException("store down");
        await using var call = await WatchAsync(TestTokenValidator.StaffToken);

        await _api.CallCenter.CallsOf("S01").WriteAsync(new AgentCallNotice(AgentCallPhase.Ringing, "call-3", Caller, "q", Ringing));
        var pop = await ReadAsync(call);

        Assert.Equal("call-3", pop.CallId);
        Assert.Empty(pop.EarlierTickets);
        Assert.Contains(4303, _api.Logs.EventIds(LogLevel.Warning));
    }

    [Fact]
    public async Task WatchCalls_Supervisor_WatchesOwnCallsOnly()
    {
        await using var call = await WatchAsync(TestTokenValidator.SupervisorToken);

        await _api.CallCenter.CallsOf("S01").WriteAsync(new AgentCallNotice(AgentCallPhase.Ringing, "for-agent", Caller, "q", Ringing));
        await _api.CallCenter.CallsOf("S02").WriteAsync(new AgentCallNotice(AgentCallPhase.Ringing, "for-supervisor", Caller, "q", Ringing));

        Assert.Equal("for-supervisor", (await ReadAsync(call)).CallId);
    }

    [Fact]
    public async Task WatchCalls_CallCenterEndsTheWatch_StreamEndsOk()
    {
        await using var call = await WatchAsync(TestTokenValidator.StaffToken);
        await _api.CallCenter.CallsOf("S01").WriteAsync(new AgentCallNotice(AgentCallPhase.Ringing, "call-0", Caller, "q", Ringing));
        _ = await ReadAsync(call);

        _api.CallCenter.CallsOf("S01").Complete();

        Assert.Null(await call.ReadAsync().WaitAsync(Patience));
        Assert.Equal(StatusCode.OK, call.Status.StatusCode);
    }

    [Fact]
    public async Task WatchCalls_ServerStops_StreamEndsOkAndTheWatchIsReleased()
    {
        await using var call = await WatchAsync(TestTokenValidator.StaffToken);
        await _api.CallCenter.CallsOf("S01").WriteAsync(new AgentCallNotice(AgentCallPhase.Ringing, "call-4", Caller, "q", Ringing));
        _ = await ReadAsync(call);

        var stopping = _api.Server.StopAsync();
        var end = await call.ReadAsync().WaitAsync(Patience);
        await stopping.WaitAsync(Patience);

        Assert.Null(end);
        Assert.Equal(StatusCode.OK, call.Status.StatusCode);
        await _api.CallCenter.WatchStopped("S01").WaitAsync(Patience);
    }

    [Fact]
    public async Task WatchCalls_ClientLeaves_TheCallCentersWatchIsReleased()
    {
        var call = await WatchAsync(TestTokenValidator.StaffToken);
        await _api.CallCenter.CallsOf("S01").WriteAsync(new AgentCallNotice(AgentCallPhase.Ringing, "call-5", Caller, "q", Ringing));
        _ = await ReadAsync(call);

        await call.DisposeAsync();

        await _api.CallCenter.WatchStopped("S01").WaitAsync(Patience);
    }

    [Theory]
    [InlineData(TestTokenValidator.DepartmentToken, StatusCode.PermissionDenied)]
    [InlineData(TestTokenValidator.EditorToken, StatusCode.PermissionDenied)]
    [InlineData(null, StatusCode.Unauthenticated)]
    public async Task WatchCalls_NotAnAgent_RefusedWithoutWatching(string? token, StatusCode expected)
    {
        var response = await _api.Client.CallAsync(Path, new ApiV1.WatchCallsRequest(), token);

        Assert.Equal(expected, response.Status);
        Assert.Empty(response.Messages);
        Assert.False(_api.CallCenter.WatchStopped("S01").IsCompleted);
    }

    private Task<ServerStream<ApiV1.AgentCallEvent>> WatchAsync(string token)
    {
        var desk = new ApiV1.AgentDesk.AgentDeskClient(_api.Server.Channel);
        var call = desk.WatchCalls(new ApiV1.WatchCallsRequest(), new Metadata { { "authorization", $"Bearer {token}" } });
        return Task.FromResult(new ServerStream<ApiV1.AgentCallEvent>(call));
    }

    private static async Task<ApiV1.AgentCallEvent> ReadAsync(ServerStream<ApiV1.AgentCallEvent> call) =>
        await call.ReadAsync().WaitAsync(Patience)
        ?? throw new Xunit.Sdk.XunitException($"the stream ended: {call.Status}");
}
