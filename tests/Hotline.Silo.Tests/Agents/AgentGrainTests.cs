using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;

namespace Hotline.Silo.Tests.Agents;

public sealed class AgentGrainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Record_ThroughTheAuthority_KeepsHistoryAndCurrentState()
    {
        await using var host = await AgentGrainHost.StartAsync();

        await host.Authority.RecordAsync("1001", new AgentStateChange(T0, AgentState.Offline, AgentState.NotReady, "registered"), default);
        await host.Authority.RecordAsync("1001", new AgentStateChange(T0.AddSeconds(3), AgentState.NotReady, AgentState.Ready, "agent"), default);
        await host.Authority.RecordAsync("1001", new AgentStateChange(T0.AddSeconds(9), AgentState.Ready, AgentState.Ringing, "offered", "call-1"), default);

        var history = await host.Agent("1001").GetHistoryAsync(10);

        Assert.Equal(AgentState.Ringing, await host.Agent("1001").GetStateAsync());
        Assert.Equal([1L, 2L, 3L], history.Select(h => h.Seq));
        Assert.Equal([AgentState.NotReady, AgentState.Ready, AgentState.Ringing], history.Select(h => h.Change.To));
        Assert.Equal("call-1", history[2].Change.CallId);
        Assert.Equal([2L, 3L], (await host.Agent("1001").GetHistoryAsync(2)).Select(h => h.Seq));
    }

    [Fact]
    public async Task Record_AfterRestartOnSameStore_ContinuesNumberingFromKeptState()
    {
        await using (var first = await AgentGrainHost.StartAsync())
        {
            await first.Authority.RecordAsync("1001", new AgentStateChange(T0, AgentState.Offline, AgentState.Ready, "registered"), default);
            await first.Authority.RecordAsync("1001", new AgentStateChange(T0.AddSeconds(1), AgentState.Ready, AgentState.NotReady, "break"), default);

            await using var second = await AgentGrainHost.StartAsync(first.DataDir);
            Assert.Equal(AgentState.NotReady, await second.Agent("1001").GetStateAsync());
            await second.Authority.RecordAsync("1001", new AgentStateChange(T0.AddSeconds(2), AgentState.NotReady, AgentState.Offline, "unregistered"), default);
            Assert.Equal([1L, 2L, 3L], (await second.Agent("1001").GetHistoryAsync(10)).Select(h => h.Seq));
        }
    }

    [Fact]
    public async Task GetState_AgentWithoutChanges_IsOffline()
    {
        await using var host = await AgentGrainHost.StartAsync();

        Assert.Equal(AgentState.Offline, await host.Agent("1001").GetStateAsync());
        Assert.Empty(await host.Agent("1001").GetHistoryAsync(5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task GetHistory_LimitOutOfRange_Throws(int limit)
    {
        await using var host = await AgentGrainHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Agent("1001").GetHistoryAsync(limit));
    }
}
