using System.Globalization;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Acd.Events;
using Hotline.Telephony.Acd;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Diagnostics;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Calls;

/// <summary>
/// The call center: takes each answered trunk call through IVR, queue and agent (one <see cref="HotlineCall"/>
/// per call), runs the ACD engine, follows agents' registrations, and serves the agent desk and the wallboard.
/// All state lives on one <see cref="SerialExecutor"/>; nothing here holds a lock across I/O.
/// </summary>
internal sealed class CallCenter : ICallCenter, IThreePartyCalls, IAgentRegistrationListener, IAsyncDisposable
{
    private readonly SerialExecutor _loop;
    private readonly AcdEngine _acd;
    private readonly Dictionary<string, HotlineCall> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<CallDetailRecord>> _awaited = new(StringComparer.Ordinal);
    private readonly AgentNotices _notices = new();
    private readonly ChangeSignal _changes = new();
    private readonly AgentStateWriter _states;
    private readonly AgentRegistrationFollower _registrations;
    private readonly CallRecordKeeper _keeper;
    private readonly TrunkDialer _trunk;
    private readonly CallCenterOptions _options;
    private readonly IDepartmentNumbers _departmentNumbers;
    private readonly HashSet<string> _priorityCallers;
    private readonly ILogger _logger;
    private ITimer? _dueTimer;
    private CallCenterLinks? _links;

    public CallCenter(
        IOptions<AcdOptions> acdOptions,
        IOptions<CallCenterOptions> options,
        IOptions<IvrOptions> ivrOptions,
        IOptions<SipOptions> sipOptions,
        IAgentCredentialStore credentials,
        IAgentStateAuthority authority,
        ICallDetailRecordStore records,
        ICallbackRequestStore callbacks,
        IDepartmentNumbers departmentNumbers,
        IOptions<CallbackOptions> callbackOptions,
        TelephonyMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _options = options.Value;
        Ivr = ivrOptions.Value;
        Time = time;
        Metrics = metrics;
        _logger = loggers.CreateLogger<CallCenter>();
        _loop = new SerialExecutor(_logger);
        _acd = new AcdEngine(time, acdOptions.Value, _options.EffectiveQueues());
        _states = new AgentStateWriter(authority, _logger);
        _registrations = new AgentRegistrationFollower(this, credentials, _options.DefaultSkill);
        _keeper = new CallRecordKeeper(records, callbacks, new CallbackNumberPolicy(callbackOptions.Value.AllowedNumbers), _changes, _logger);
        _trunk = new TrunkDialer(sipOptions.Value, () => Links);
        Outbound = new OutboundCalls(this, _trunk);
        _departmentNumbers = departmentNumbers;
        _priorityCallers = [.. _options.PriorityCallers];
        metrics.ObserveLive(() => Volatile.Read(ref _live));
    }

    public TimeProvider Time { get; }

    /// <summary>Calls the hotline places to citizens (callbacks, return visits).</summary>
    internal OutboundCalls Outbound { get; }

    /// <summary>The ACD engine; on the loop only.</summary>
    internal AcdEngine Acd => _acd;

    public IvrOptions Ivr { get; }

    public TelephonyMetrics Metrics { get; }

    public ILogger Logger => _logger;

    public CallCenterLinks Links => _links ?? throw new InvalidOperationException("The SIP edge has not started.");

    /// <summary>Paces every caller's prompts and music together (null until the edge attaches).</summary>
    internal FrameClock? PromptClock { get; private set; }

    // Written on the loop, read by the metrics exporter's thread.
    private TelephonyLiveCounts _live = TelephonyLiveCounts.Empty;

    /// <summary>Called by the edge once it is listening: answered trunk calls now come here.</summary>
    public void Attach(CallCenterLinks links)
    {
        _links = links;
        PromptClock ??= new FrameClock(Time, links.Ports.SendRing);
        links.Inbound.Arrived = call => Post(() => OnArrived(call));
    }

    public void Post(Action action) => _loop.Post(action);

    public async ValueTask DisposeAsync()
    {
        _notices.CompleteAll();
        _dueTimer?.Dispose();
        await _loop.DisposeAsync().ConfigureAwait(false);
        PromptClock?.Dispose();
        await _states.DisposeAsync().ConfigureAwait(false);
    }

    private void OnArrived(InboundCall inbound)
    {
        var priority = _priorityCallers.Contains(inbound.CallerNumber);
        var queue = _options.NumberQueues.GetValueOrDefault(inbound.CalledNumber);
        var id = NewCallId();
        _keeper.CancelCallbacks(inbound.CallerNumber, Time.GetUtcNow(), id);
        Begin(new HotlineCall(this, new InboundCallerLeg(inbound), id, priority, queue));
    }

    internal void Begin(HotlineCall call) => Adopt(call).Start();

    /// <summary>The call joins the table; whoever placed it starts it. Loop only.</summary>
    internal HotlineCall Adopt(HotlineCall call)
    {
        _calls.Add(call.Id, call);
        Metrics.CallArrived();
        return call;
    }

    internal Task<T> InvokeAsync<T>(Func<T> function) => _loop.InvokeAsync(function);

    /// <summary>The record of <paramref name="callId"/> completes <paramref name="finished"/> when the call ends. Loop only.</summary>
    internal void AwaitRecord(string callId, TaskCompletionSource<CallDetailRecord> finished) => _awaited[callId] = finished;

    /// <summary>Our own id for a call (the SIP Call-ID is the trunk's, and not unique across trunks).</summary>
    internal string NewCallId() =>
        Time.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The call is over: its record goes to the store (off the loop) and it leaves the table.</summary>
    internal void OnCallFinished(HotlineCall call, CallDetailRecord record)
    {
        _calls.Remove(call.Id);
        if (_awaited.Remove(call.Id, out var waiting))
        {
            waiting.TrySetResult(record);
        }
        RefreshLiveCounts();
        Metrics.CallEnded();
        _keeper.Save(record);
    }

    /// <summary>
    /// The host is stopping: every call is hung up on both sides and its record written before the stores go
    /// away (a record of a call cut by a restart is still a record).
    /// </summary>
    public async Task EndAllCallsAsync(TimeSpan patience)
    {
        var hangUps = await _loop.InvokeAsync(() => _calls.Values.ToList().Select(call => call.EndForShutdown()).ToList()).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(hangUps.Concat(_keeper.Pending)).WaitAsync(patience).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            CallsLog.ShutdownIncomplete(_logger, _keeper.Pending.Count);
        }
    }

    internal void SaveRecord(CallDetailRecord record) => _keeper.Save(record);

    internal void SaveCallback(CallbackRequest request) => _keeper.SaveCallback(request);

    /// <summary>Runs an ACD command on the loop and carries out what it decided. Loop only.</summary>
    internal AcdOutcome Run(Func<AcdEngine, AcdOutcome> command)
    {
        var outcome = command(_acd);
        if (outcome.IsRefused)
        {
            CallsLog.AcdRefused(_logger, outcome.Refusal!);
        }
        foreach (var e in outcome.Events)
        {
            Apply(e);
        }
        ScheduleDue();
        RefreshLiveCounts();
        return outcome;
    }

    private void Apply(AcdEvent acdEvent)
    {
        switch (acdEvent)
        {
            case AgentStateChanged changed:
                _states.Write(changed.AgentId, changed.Change);
                break;
            case CallQueued queued:
                Find(queued.CallId)?.OnQueued(queued.Position, queued.EstimatedWait);
                break;
            case CallbackOffered offered:
                Find(offered.CallId)?.OnCallbackOffered();
                break;
            case CallOffered offered:
                OnOffered(offered);
                break;
            case OfferEnded ended:
                Find(ended.CallId)?.OnOfferEnded(ended.AgentId, ended.Reason);
                if (ended.Reason != OfferEndReason.Answered)
                {
                    _notices.Publish(ended.AgentId, new AgentCallNotice(AgentCallPhase.Ended, ended.CallId, string.Empty, string.Empty, ended.At, ended.Reason.ToString()));
                }
                break;
            case CallAnswered answered:
                Find(answered.CallId)?.OnAgentAnswered(answered.AgentId);
                break;
            case CallAbandoned:
                Metrics.CallAbandoned();
                break;
            case CallOverflowed overflowed:
                Find(overflowed.CallId)?.OnOverflow(overflowed.Target);
                break;
            case CallbackRequested requested:
                _keeper.SaveCallback(requested.Request);
                break;
        }
    }

    private void OnOffered(CallOffered offered)
    {
        if (Find(offered.CallId) is { } call)
        {
            _notices.Publish(offered.AgentId, new AgentCallNotice(AgentCallPhase.Ringing, offered.CallId, offered.CallerNumber, call.QueueId ?? string.Empty, offered.At));
            call.RingAgent(offered.AgentId);
            return;
        }
        // A queued callback whose turn has come (the citizen hung up keeping the place): the agent is released
        // and the citizen called back now; answered, the call queues at priority for the next free agent.
        var queueId = _acd.Waiting.FirstOrDefault(c => c.CallId == offered.CallId)?.Queue.Id;
        Post(() => Run(acd => acd.Withdraw(offered.CallId, "calling the citizen back")));
        if (queueId is not null)
        {
            _ = CallBackAsync(offered.CallId, offered.CallerNumber, queueId);
        }
    }

    /// <summary>Places a queued callback; one not reached stays pending in the store for the scheduler.</summary>
    private async Task CallBackAsync(string callId, string number, string queueId)
    {
        if (_keeper.CallbackRefusal(number) is { } reason)
        {
            // Saved flagged when it was requested; it stays pending for an agent, whose call it is.
            CallsLog.CallbackFlagged(_logger, callId, number, reason);
            return;
        }
        var placed = await Outbound.PlaceCallAsync(number, queueId, CancellationToken.None).ConfigureAwait(false);
        CallsLog.CallbackPlaced(_logger, callId, number, placed.Detail ?? string.Empty);
        if (placed.IsDone)
        {
            await _keeper.CompleteCallbackAsync(callId, "reached: call " + placed.Detail).ConfigureAwait(false);
        }
    }

    internal bool IsTransferTarget(string target) => _acd.IsTransferTarget(target);

    internal void Publish(string agentId, AgentCallNotice notice) => _notices.Publish(agentId, notice);

    internal HotlineCall? Find(string callId) => _calls.GetValueOrDefault(callId);

    /// <summary>One timer for the engine's next deadline (ring timeout, wrap-up end, maximum wait).</summary>
    private void ScheduleDue()
    {
        if (_acd.NextDueAt is not { } due)
        {
            _dueTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var wait = due - Time.GetUtcNow();
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }
        _dueTimer ??= Time.CreateTimer(_ => Post(() => Run(acd => acd.ProcessDue())), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _dueTimer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private void RefreshLiveCounts()
    {
        Volatile.Write(ref _live, TelephonyLiveCounts.Count(_calls.Count, _acd.Waiting.Count, _acd.Agents));
        _changes.Signal();
    }

    public Task WaitForChangeAsync(CancellationToken cancellationToken) => _changes.WaitAsync(cancellationToken);

    /// <inheritdoc cref="AgentRegistrationFollower.OnRegistrationChanged"/>
    public void OnRegistrationChanged(AgentRegistrationChange change) => _registrations.OnRegistrationChanged(change);

    public Task<CallCenterResult> SetReadyAsync(string agentId, CancellationToken cancellationToken) =>
        AgentCommandAsync(agentId, acd => acd.SetReady(agentId));

    public Task<CallCenterResult> SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, "a reason is required for NOT_READY"))
            : AgentCommandAsync(agentId, acd => acd.SetNotReady(agentId, reason.Trim()));

    public Task<CallCenterResult> LogOutAsync(string agentId, string reason, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, "a reason is required to log an agent out"))
            : AgentCommandAsync(agentId, acd => acd.SetOffline(agentId, reason.Trim()));

    public Task<CallCenterResult> ReleaseCallAsync(string callId, string reason, CancellationToken cancellationToken) =>
        _loop.InvokeAsync(() =>
        {
            if (Find(callId) is not { } call)
            {
                return CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"no call {callId} is in progress");
            }
            CallsLog.Released(_logger, callId, reason);
            call.HangUpByHotline(reason);
            return CallCenterResult.Done;
        });

    public Task<CallCenterResult> EndWrapUpAsync(string agentId, CancellationToken cancellationToken) =>
        AgentCommandAsync(agentId, acd => acd.EndWrapUp(agentId));

    public Task<CallCenterResult> HoldAsync(string agentId, bool hold, CancellationToken cancellationToken) =>
        _loop.InvokeAsync(() => CallOf(agentId) is { } call
            ? call.SetHold(hold)
            : CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has no connected call"));

    public Task<CallCenterResult> TransferAsync(string agentId, string target, bool attended, CancellationToken cancellationToken) =>
        _loop.InvokeAsync(() => CallOf(agentId) is { } call
            ? call.Transfer(target, attended)
            : CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has no connected call"));

    public IAsyncEnumerable<AgentCallNotice> WatchCallsAsync(string agentId, CancellationToken cancellationToken) =>
        _notices.WatchAsync(agentId, cancellationToken);

    public IReadOnlyList<AgentSnapshot> ListAgents() =>
        _loop.InvokeAsync(() => AcdSnapshots.Agents(_acd)).GetAwaiter().GetResult();

    public IReadOnlyList<QueueSnapshot> ListQueues() =>
        _loop.InvokeAsync(() => AcdSnapshots.Queues(_acd, Time.GetUtcNow())).GetAwaiter().GetResult();

    private Task<CallCenterResult> AgentCommandAsync(string agentId, Func<AcdEngine, AcdOutcome> command) =>
        _loop.InvokeAsync(() =>
        {
            if (_acd.FindAgent(agentId) is null)
            {
                return CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has not registered a phone");
            }
            var outcome = Run(command);
            return outcome.IsRefused ? CallCenterResult.Refuse(CallCenterRefusal.WrongState, outcome.Refusal!) : CallCenterResult.Done;
        });

    internal HotlineCall? CallOf(string agentId) => _calls.Values.FirstOrDefault(c => c.ConnectedAgent == agentId);

    /// <inheritdoc cref="TrunkDialer.Dial"/>
    internal OutboundLeg? DialTrunk(string number, int localRtpPort) => _trunk.Dial(number, localRtpPort);

    public async Task<CallCenterResult> AddThirdPartyAsync(string agentId, string number, CancellationToken cancellationToken)
    {
        if (!_departmentNumbers.Contains(number))
        {
            return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument,
                $"{number} is not a department number (a department's duty phone or Calls:DepartmentNumbers)");
        }

        var joining = await _loop.InvokeAsync(() => CallOf(agentId) is { } call
            ? call.AddThirdParty(number)
            : Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has no connected call"))).ConfigureAwait(false);
        return await joining.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<CallCenterResult> LeaveThreePartyAsync(string agentId, CancellationToken cancellationToken) =>
        _loop.InvokeAsync(() => CallOf(agentId) is { } call
            ? call.LeaveThreeParty()
            : CallCenterResult.Refuse(CallCenterRefusal.NotFound, $"agent {agentId} has no connected call"));
}
