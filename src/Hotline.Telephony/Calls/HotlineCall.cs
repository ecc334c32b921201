using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media.Dtmf;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Media.Rtp;

namespace Hotline.Telephony.Calls;

/// <summary>
/// One citizen's call from answer to hang-up: the caller's leg and its relay, the IVR and survey flows,
/// the agent being rung or talking, the recording, and the events that become the call detail record.
/// Every method runs on the call center's loop; callbacks from other threads post there first.
/// </summary>
internal sealed partial class HotlineCall
{
    // No 7-bit RTP payload type equals this, so the agent side's detector never reports: agents' keys are
    // for the caller's ears (forwarded by the relay), not for our flows.
    private const byte NoTelephoneEvents = 0xFF;

    private readonly CallCenter _center;
    private readonly ICallerLeg _caller;
    private readonly PromptPlayer _player;
    private readonly IvrFlow _ivr;
    private readonly List<CallRecordEvent> _events = [];
    private int _ivrStepsRecorded;
    private SurveyFlow? _survey;
    private bool _surveyRecorded;
    private bool _ended;

    public HotlineCall(CallCenter center, ICallerLeg caller, string id, bool priorityCaller, string? directQueue)
    {
        _center = center;
        _caller = caller;
        Id = id;
        var menu = directQueue is null ? center.Ivr.Menu : new IvrMenuOptions { Enabled = false, DefaultQueue = directQueue, PriorityLevel = center.Ivr.Menu.PriorityLevel };
        _ivr = new IvrFlow(menu, priorityCaller);
        _player = new PromptPlayer(center.Time, Relay.Caller, caller.PayloadType,
            (uint)Random.Shared.Next(), (ushort)Random.Shared.Next(ushort.MaxValue), (uint)Random.Shared.Next());
    }

    public string Id { get; }

    public string? QueueId => _ivr.QueueId;

    public string CallerNumber => _caller.CallerNumber;

    private RtpRelay Relay => _caller.Relay;

    private DateTimeOffset Now => _center.Time.GetUtcNow();

    public void Start()
    {
        // Until an agent answers nothing crosses the relay: the caller hears only us.
        Relay.Caller.ForwardingEnabled = false;
        Relay.Agent.ForwardingEnabled = false;
        var callerEvents = _caller.TelephoneEventPayloadType ?? NoTelephoneEvents;
        Relay.AddTap(new DtmfTap(callerEvents, NoTelephoneEvents, (side, digit) =>
        {
            if (side == RtpLegSide.Caller)
            {
                _center.Post(() => OnDigit(digit.Digit));
            }
        }));
        _caller.Digit += key => _center.Post(() => OnDigit(key));
        _caller.RemoteEnded += _ => _center.Post(OnCallerHungUp);
        Record(new CallArrived(Now, _caller.CallerNumber, _caller.CalledNumber));
        if (_caller.HasEnded)
        {
            // Hung up between the answer and this call reaching the loop: its BYE had nobody to tell.
            OnCallerHungUp();
            return;
        }
        Execute(_ivr.Start());
    }

    private void OnDigit(char key)
    {
        if (_ended)
        {
            return;
        }
        if (_survey is not null)
        {
            Execute(_survey.Digit(key));
        }
        else if (_agentLeg is null)
        {
            Execute(_ivr.Digit(key));
        }
    }

    private void OnCallerHungUp()
    {
        if (_ended)
        {
            return;
        }
        Record(new CallHungUp(Now, HangUpSide.Caller));
        _ = _survey?.CallerHungUp() ?? _ivr.CallerHungUp();
        RecordIvrSteps();
        if (_agentLeg is { } leg)
        {
            _ = leg.HangUpAsync("caller hung up");
            _center.Publish(_agentId!, Notice(AgentCallPhase.Ended, "caller hung up"));
        }
        Finish();
    }

    /// <summary>The IVR or survey is done with the caller: we hang up.</summary>
    private void HangUpByHotline()
    {
        Record(new CallHungUp(Now, HangUpSide.System));
        _ = _caller.HangUpAsync("hotline hung up");
        if (_agentLeg is { } leg)
        {
            _ = leg.HangUpAsync("call ended");
        }
        Finish();
    }

    /// <summary>The host is stopping: both sides get a BYE and the record is written now.</summary>
    public Task EndForShutdown()
    {
        if (_ended)
        {
            return Task.CompletedTask;
        }
        Record(new CallHungUp(Now, HangUpSide.System));
        var hangUps = new List<Task> { _caller.HangUpAsync("hotline stopping") };
        if (_agentLeg is { } leg)
        {
            hangUps.Add(leg.HangUpAsync("hotline stopping"));
        }
        Finish();
        return Task.WhenAll(hangUps);
    }

    private void Finish()
    {
        _ended = true;
        _player.Stop();
        CancelDigitTimer();
        _ = _ringing?.CancelAsync();
        _ = Interlocked.Exchange(ref _releaseOnAnswer, null)?.HangUpAsync("call ended");
        EndConference();
        StopRecording();
        // Ends any queue place or offer; a caller who chose a callback keeps the place in line.
        _center.Run(acd => acd.CallEnded(Id));
        _center.Metrics.MediaClosed(Relay);
        _center.OnCallFinished(this, CallDetailRecordBuilder.Fold(Id, _events));
    }

    private void Record(CallRecordEvent callEvent) => _events.Add(callEvent);

    private void RecordIvrSteps()
    {
        var now = Now;
        for (; _ivrStepsRecorded < _ivr.Path.Count; _ivrStepsRecorded++)
        {
            Record(new IvrStepTaken(now, _ivr.Path[_ivrStepsRecorded]));
        }
        if (_survey is { Result: not SurveyResult.None } survey && !_surveyRecorded)
        {
            _surveyRecorded = true;
            Record(new SurveyAnswered(now, survey.Result));
        }
    }

    private AgentCallNotice Notice(AgentCallPhase phase, string? detail = null) =>
        new(phase, Id, _caller.CallerNumber, QueueId ?? string.Empty, Now, detail);

    private void StopRecording()
    {
        if (_recorder is { } recorder)
        {
            Relay.RemoveTap(recorder);
            recorder.Dispose();
            _recorder = null;
        }
    }
}
