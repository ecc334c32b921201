using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Diagnostics;
using Hotline.Telephony.Ivr;
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
internal sealed partial class CallCenter : ICallCenter, IAgentRegistrationListener, IAsyncDisposable
{
    private readonly SerialExecutor _loop;
    private readonly AcdEngine _acd;
    private readonly Dictionary<string, HotlineCall> _calls = new(StringComparer.Ordinal);
    private readonly AgentNotices _notices = new();
    private readonly ChangeSignal _changes = new();
    private readonly AgentStateWriter _states;
    private readonly IAgentCredentialStore _credentials;
    private readonly ICallDetailRecordStore _records;
    private readonly ICallbackRequestStore _callbacks;
    private readonly CallbackNumberPolicy _callbackNumbers;
    private readonly CallCenterOptions _options;
    private readonly IDepartmentNumbers _departmentNumbers;
    private readonly SipOptions _sip;
    private readonly HashSet<string> _priorityCallers;
    private readonly ILogger _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _pendingSaves = new();
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
        _callbackNumbers = new CallbackNumberPolicy(callbackOptions.Value.AllowedNumbers);
        _options = options.Value;
        _sip = sipOptions.Value;
        Ivr = ivrOptions.Value;
        Time = time;
        Metrics = metrics;
        _logger = loggers.CreateLogger<CallCenter>();
        _loop = new SerialExecutor(_logger);
        _acd = new AcdEngine(time, acdOptions.Value, _options.EffectiveQueues());
        _states = new AgentStateWriter(authority, _logger);
        _credentials = credentials;
        _records = records;
        _callbacks = callbacks;
        _departmentNumbers = departmentNumbers;
        _priorityCallers = [.. _options.PriorityCallers];
        metrics.ObserveLive(() => Volatile.Read(ref _live));
    }

    public TimeProvider Time { get; }

    public IvrOptions Ivr { get; }

    public TelephonyMetrics Metrics { get; }

    public ILogger Logger => _logger;

    public CallCenterLinks Links => _links ?? throw new InvalidOperationException("The SIP edge has not started.");

    // Written on the loop, read by the metrics exporter's thread.
    private TelephonyLiveCounts _live = TelephonyLiveCounts.Empty;

    /// <summary>Called by the edge once it is listening: answered trunk calls now come here.</summary>
    public void Attach(CallCenterLinks links)
    {
        _links = links;
        links.Inbound.Arrived = call => Post(() => OnArrived(call));
    }

    public void Post(Action action) => _loop.Post(action);

    public async ValueTask DisposeAsync()
    {
        _notices.CompleteAll();
        _dueTimer?.Dispose();
        await _loop.DisposeAsync().ConfigureAwait(false);
        await _states.DisposeAsync().ConfigureAwait(false);
    }

    private void OnArrived(InboundCall inbound)
    {
        var priority = _priorityCallers.Contains(inbound.CallerNumber);
        var queue = _options.NumberQueues.GetValueOrDefault(inbound.CalledNumber);
        Begin(new HotlineCall(this, new InboundCallerLeg(inbound), NewCallId(), priority, queue));
    }

    private void Begin(HotlineCall call)
    {
        _calls.Add(call.Id, call);
        Metrics.CallArrived();
        call.Start();
    }

    /// <summary>Our own id for a call (the SIP Call-ID is the trunk's, and not unique across trunks).</summary>
    private string NewCallId() =>
        Time.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The call is over: its record goes to the store (off the loop) and it leaves the table.</summary>
    internal void OnCallFinished(HotlineCall call, CallDetailRecord record)
    {
        _calls.Remove(call.Id);
        RefreshLiveCounts();
        Metrics.CallEnded();
        _ = SaveRecordAsync(record);
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
            await Task.WhenAll(hangUps.Concat(_pendingSaves.Keys)).WaitAsync(patience).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            CallsLog.ShutdownIncomplete(_logger, _pendingSaves.Count);
        }
    }

    private async Task SaveRecordAsync(CallDetailRecord record)
    {
        var save = SaveRecordCoreAsync(record);
        _pendingSaves.TryAdd(save, 0);
        await save.ConfigureAwait(false);
        _pendingSaves.TryRemove(save, out _);
        _changes.Signal();
    }

    public Task WaitForChangeAsync(CancellationToken cancellationToken) => _changes.WaitAsync(cancellationToken);

    private async Task SaveRecordCoreAsync(CallDetailRecord record)
    {
        try
        {
            await _records.SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Logged with the call id; the caller's experience is already over.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.RecordNotSaved(_logger, record.CallId, exception);
        }
    }

    internal void SaveCallback(CallbackRequest request) => _ = SaveCallbackAsync(request);

    /// <summary>Keeps every request; one whose number may not be dialled automatically is flagged for an agent.</summary>
    private async Task SaveCallbackAsync(CallbackRequest request)
    {
        if (_callbackNumbers.Refusal(request.Number) is { } reason)
        {
            request = request with { FlagReason = reason };
            CallsLog.CallbackFlagged(_logger, request.CallId, request.Number, reason);
        }
        try
        {
            await _callbacks.SaveAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Logged with the number's call id so an operator can recover it from the log.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.CallbackNotSaved(_logger, request.CallId, exception);
        }
    }
}
