using System.Diagnostics.Metrics;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Diagnostics;

/// <summary>
/// The call centre's figures for a supervisor's wall board, an alert and the load benchmark
/// (load/sip/call-load.sh reads them from /metrics): calls arrived, answered by an agent, abandoned
/// while waiting and ended; call setup (arrival to agent answer) and agent ring time; RTP packets the
/// relay received, forwarded and dropped; and live counts (active and waiting calls, agents by state).
/// The call orchestration reports events; the live counts come from a callback it registers once.
/// </summary>
internal sealed class TelephonyMetrics : IDisposable
{
    public const string MeterName = "Hotline.Telephony";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _arrived;
    private readonly Counter<long> _answered;
    private readonly Counter<long> _abandoned;
    private readonly Counter<long> _ended;
    private readonly Counter<long> _rtpReceived;
    private readonly Counter<long> _rtpForwarded;
    private readonly Counter<long> _rtpDropped;
    private readonly Counter<long> _rtpHeld;
    private readonly Histogram<double> _setup;
    private readonly Histogram<double> _ring;
    private Func<TelephonyLiveCounts> _live = static () => TelephonyLiveCounts.Empty;

    /// <summary>
    /// With no <see cref="IMeterFactory"/> (a bare service collection, e.g. the SIP load runner) the meter is
    /// process-wide and this instance disposes it; a factory's meter belongs to the factory.
    /// </summary>
    public TelephonyMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _arrived = _meter.CreateCounter<long>("hotline.telephony.calls.arrived", description: "Calls the edge accepted from a trunk.");
        _answered = _meter.CreateCounter<long>("hotline.telephony.calls.answered", description: "Calls an agent answered.");
        _abandoned = _meter.CreateCounter<long>("hotline.telephony.calls.abandoned", description: "Calls the caller hung up before an agent answered.");
        _ended = _meter.CreateCounter<long>("hotline.telephony.calls.ended", description: "Calls ended, whoever hung up.");
        _rtpReceived = _meter.CreateCounter<long>("hotline.telephony.rtp.packets.received", description: "RTP packets the relay received while it was forwarding, both legs.");
        _rtpForwarded = _meter.CreateCounter<long>("hotline.telephony.rtp.packets.forwarded", description: "RTP packets the relay forwarded to the other leg.");
        _rtpDropped = _meter.CreateCounter<long>("hotline.telephony.rtp.packets.dropped", description: "RTP packets the relay should have forwarded but could not (no peer address, send failed, fault).");
        _rtpHeld = _meter.CreateCounter<long>("hotline.telephony.rtp.packets.held", description: "RTP packets received while forwarding was paused (greeting, queue, prompts): recorded, not forwarded.");
        // Setup includes the greeting and the queue wait, so the buckets reach minutes; ring is one SIP round trip
        // to the agent's phone plus the agent's reaction, so it starts at a millisecond.
        _setup = _meter.CreateHistogram<double>(
            "hotline.telephony.call.setup",
            unit: "s",
            description: "Time from a call's arrival to an agent's answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 7.5, 10, 15, 20, 30, 60, 120, 300] });
        _ring = _meter.CreateHistogram<double>(
            "hotline.telephony.agent.ring",
            unit: "s",
            description: "Time from offering a call to an agent (INVITE sent) to the agent's answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30] });
        _meter.CreateObservableGauge("hotline.telephony.calls.active", () => Volatile.Read(ref _live)().ActiveCalls, description: "Calls in progress.");
        _meter.CreateObservableGauge("hotline.telephony.calls.waiting", () => Volatile.Read(ref _live)().WaitingCalls, description: "Calls waiting in a queue for an agent.");
        _meter.CreateObservableGauge("hotline.telephony.agents", ObserveAgents, description: "Signed-in agents by state: ready, busy (ringing, on a call, wrap-up), not_ready.");
    }

    /// <summary>Registers the source of the live counts (the call centre, once); it is read on every scrape.</summary>
    public void ObserveLive(Func<TelephonyLiveCounts> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Volatile.Write(ref _live, read);
    }

    public void CallArrived() => _arrived.Add(1);

    /// <param name="setup">From the call's arrival to the agent's answer.</param>
    public void CallAnswered(TimeSpan setup)
    {
        _answered.Add(1);
        _setup.Record(setup.TotalSeconds);
    }

    /// <param name="ring">From the INVITE to the agent to the agent's 200.</param>
    public void AgentAnswered(TimeSpan ring) => _ring.Record(ring.TotalSeconds);

    public void CallAbandoned() => _abandoned.Add(1);

    public void CallEnded() => _ended.Add(1);

    /// <summary>
    /// A relay's totals over both legs when it closes. <paramref name="received"/> counts only packets that
    /// were due to be forwarded, so forwarded / received is the relay's forwarding ratio; packets kept back
    /// while forwarding was paused go in <paramref name="held"/>.
    /// </summary>
    public void MediaClosed(long received, long forwarded, long dropped, long held = 0)
    {
        _rtpReceived.Add(received);
        _rtpForwarded.Add(forwarded);
        _rtpDropped.Add(dropped);
        _rtpHeld.Add(held);
    }

    /// <summary>Reports a closing relay's leg counters (see the other overload for what each total means).</summary>
    public void MediaClosed(RtpRelay relay)
    {
        ArgumentNullException.ThrowIfNull(relay);
        long received = 0;
        long forwarded = 0;
        long dropped = 0;
        long held = 0;
        foreach (var leg in (ReadOnlySpan<RtpRelayLeg>)[relay.Caller, relay.Agent])
        {
            // Every valid packet from the latched peer is received, then held, dropped or forwarded.
            received += leg.Received - leg.Held;
            forwarded += leg.Forwarded;
            dropped += leg.Undeliverable + leg.Faults;
            held += leg.Held;
        }

        MediaClosed(received, forwarded, dropped, held);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<int>> ObserveAgents()
    {
        var live = Volatile.Read(ref _live)();
        yield return new Measurement<int>(live.ReadyAgents, new KeyValuePair<string, object?>("state", "ready"));
        yield return new Measurement<int>(live.BusyAgents, new KeyValuePair<string, object?>("state", "busy"));
        yield return new Measurement<int>(live.NotReadyAgents, new KeyValuePair<string, object?>("state", "not_ready"));
    }
}
