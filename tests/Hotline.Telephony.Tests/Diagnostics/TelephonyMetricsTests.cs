using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.Diagnostics;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Rtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Diagnostics;

public sealed class TelephonyMetricsTests : IDisposable
{
    private readonly ScopedMeterFactory _factory = new();
    private readonly MeasurementCollector _collector;
    private readonly TelephonyMetrics _metrics;

    public TelephonyMetricsTests()
    {
        _collector = new MeasurementCollector(_factory);
        _metrics = new TelephonyMetrics(_factory);
    }

    [Fact]
    public void CallEvents_EachReported_CountersAddUp()
    {
        _metrics.CallArrived();
        _metrics.CallArrived();
        _metrics.CallArrived();
        _metrics.CallAnswered(TimeSpan.FromSeconds(2.5));
        _metrics.CallAbandoned();
        _metrics.CallEnded();
        _metrics.CallEnded();

        Assert.Equal(3, _collector.Sum("hotline.telephony.calls.arrived"));
        Assert.Equal(1, _collector.Sum("hotline.telephony.calls.answered"));
        Assert.Equal(1, _collector.Sum("hotline.telephony.calls.abandoned"));
        Assert.Equal(2, _collector.Sum("hotline.telephony.calls.ended"));
    }

    [Fact]
    public void CallAnsweredAndAgentAnswered_Durations_RecordedInSeconds()
    {
        _metrics.CallAnswered(TimeSpan.FromMilliseconds(3250));
        _metrics.AgentAnswered(TimeSpan.FromMilliseconds(12));

        var setup = Assert.Single(_collector.All("hotline.telephony.call.setup"));
        Assert.Equal(3.25, setup.Value, 6);
        var ring = Assert.Single(_collector.All("hotline.telephony.agent.ring"));
        Assert.Equal(0.012, ring.Value, 6);
    }

    [Fact]
    public void MediaClosed_TwoRelays_PacketTotalsAccumulate()
    {
        _metrics.MediaClosed(received: 1000, forwarded: 998, dropped: 2);
        _metrics.MediaClosed(received: 500, forwarded: 500, dropped: 0);

        Assert.Equal(1500, _collector.Sum("hotline.telephony.rtp.packets.received"));
        Assert.Equal(1498, _collector.Sum("hotline.telephony.rtp.packets.forwarded"));
        Assert.Equal(2, _collector.Sum("hotline.telephony.rtp.packets.dropped"));
    }

    [Fact]
    public async Task MediaClosed_RealRelay_HeldAndUndeliverableKeptApart()
    {
        using var ports = new RtpPortAllocator(new MediaOptions { PortMin = 43100, PortMax = 43140, BindAddress = "127.0.0.1", RelayThreads = 2 });
        await using var relay = RtpRelay.TryStart(ports)!;
        using var caller = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var agent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var callerLeg = new IPEndPoint(IPAddress.Loopback, relay.Caller.LocalPort);
        var agentLeg = new IPEndPoint(IPAddress.Loopback, relay.Agent.LocalPort);

        // The agent speaks before the caller's address is known: undeliverable. Then the caller is held
        // (as during the greeting) for two packets and bridged for three.
        await agent.SendAsync(Packet(1), agentLeg);
        await WaitUntilAsync(() => relay.Agent.Undeliverable == 1);
        relay.Caller.ForwardingEnabled = false;
        await caller.SendAsync(Packet(1), callerLeg);
        await caller.SendAsync(Packet(2), callerLeg);
        await WaitUntilAsync(() => relay.Caller.Held == 2);
        relay.Caller.ForwardingEnabled = true;
        for (ushort sequence = 3; sequence <= 5; sequence++)
        {
            await caller.SendAsync(Packet(sequence), callerLeg);
        }
        await WaitUntilAsync(() => relay.Caller.Forwarded == 3);

        _metrics.MediaClosed(relay);

        Assert.Equal(4, _collector.Sum("hotline.telephony.rtp.packets.received"));
        Assert.Equal(3, _collector.Sum("hotline.telephony.rtp.packets.forwarded"));
        Assert.Equal(1, _collector.Sum("hotline.telephony.rtp.packets.dropped"));
        Assert.Equal(2, _collector.Sum("hotline.telephony.rtp.packets.held"));
    }

    [Fact]
    public void ObserveLive_NothingRegistered_GaugesReadZero()
    {
        _collector.Observe();

        Assert.Equal(0, Assert.Single(_collector.All("hotline.telephony.calls.active")).Value);
        Assert.Equal(0, Assert.Single(_collector.All("hotline.telephony.calls.waiting")).Value);
        Assert.All(_collector.All("hotline.telephony.agents"), a => Assert.Equal(0, a.Value));
    }

    [Fact]
    public void ObserveLive_CallbackRegistered_ReadOnEveryObservation()
    {
        var active = 260;
        _metrics.ObserveLive(() => new TelephonyLiveCounts(active, 100, ReadyAgents: 3, BusyAgents: 260, NotReadyAgents: 5));

        _collector.Observe();
        Assert.Equal(260, Assert.Single(_collector.All("hotline.telephony.calls.active")).Value);
        Assert.Equal(100, Assert.Single(_collector.All("hotline.telephony.calls.waiting")).Value);
        var agents = _collector.All("hotline.telephony.agents");
        Assert.Equal(3, agents.Single(a => Equals(a.Tags.Single(t => t.Key == "state").Value, "ready")).Value);
        Assert.Equal(260, agents.Single(a => Equals(a.Tags.Single(t => t.Key == "state").Value, "busy")).Value);
        Assert.Equal(5, agents.Single(a => Equals(a.Tags.Single(t => t.Key == "state").Value, "not_ready")).Value);

        _collector.Clear();
        active = 7;
        _collector.Observe();
        Assert.Equal(7, Assert.Single(_collector.All("hotline.telephony.calls.active")).Value);
    }

    [Fact]
    public void ObserveLive_NullCallback_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _metrics.ObserveLive(null!));
    }

    [Fact]
    public void Dispose_MeterFromFactory_LeftToTheFactory()
    {
        _metrics.Dispose();
        _metrics.CallArrived();

        Assert.Equal(1, _collector.Sum("hotline.telephony.calls.arrived"));
    }

    [Fact]
    public void Dispose_WithoutFactory_EndsItsOwnMeter()
    {
        using var listener = new MeterListener();
        var completed = new List<string>();
        var metrics = new TelephonyMetrics(null);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == TelephonyMetrics.MeterName && instrument.Meter.Scope is null)
            {
                l.EnableMeasurementEvents(instrument, metrics);
            }
        };
        listener.MeasurementsCompleted = (instrument, state) =>
        {
            if (ReferenceEquals(state, metrics))
            {
                completed.Add(instrument.Name);
            }
        };
        listener.Start();

        metrics.Dispose();

        Assert.Contains("hotline.telephony.calls.arrived", completed);
        Assert.Contains("hotline.telephony.agents", completed);
    }

    [Fact]
    public void AddHotlineTelephony_NoMeterFactory_ResolvesOneInstance()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection().AddLogging().AddHotlineTelephony(configuration).BuildServiceProvider();

        var first = provider.GetRequiredService<TelephonyMetrics>();

        Assert.Same(first, provider.GetRequiredService<TelephonyMetrics>());
    }

    private static byte[] Packet(ushort sequence)
    {
        var buffer = new byte[12 + 160];
        RtpPacketWriter.Write(buffer, 8, false, sequence, sequence * 160u, 0x2222, new byte[160]);
        return buffer;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(5, deadline.Token);
        }
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _collector.Dispose();
        _factory.Dispose();
    }
}
