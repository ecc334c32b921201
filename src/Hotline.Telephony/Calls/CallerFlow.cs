using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Ivr.Actions;

namespace Hotline.Telephony.Calls;

/// <summary>
/// What a call's caller hears and keys while no agent talks with it: the IVR menu, the queue with its
/// announcements and music, the callback offer, and the satisfaction survey after the agent hung up.
/// Carries out the flows' decisions on the call center's loop.
/// </summary>
internal sealed class CallerFlow
{
    private readonly HotlineCall _call;
    private readonly CallCenter _center;
    private readonly PromptPlayer _player;
    private readonly IvrFlow _ivr;
    private SurveyFlow? _survey;
    private bool _surveyRecorded;
    private int _ivrStepsRecorded;

    // Each play and each digit timer gets a generation; a finish or timeout from an older one is ignored
    // (a key may have replaced the prompt while its last frame was going out).
    private int _playGeneration;
    private int _timerGeneration;
    private ITimer? _digitTimer;
    private bool _queued;
    private readonly bool _returnVisit;

    // An agent-first callback's held agent, handed the call when it first queues.
    private string? _reservation;

    public CallerFlow(HotlineCall call, bool priorityCaller, string? directQueue, bool returnVisit = false, string? reservation = null)
    {
        _call = call;
        _returnVisit = returnVisit;
        _reservation = reservation;
        _center = call.Center;
        var menu = directQueue is null
            ? _center.Ivr.Menu
            : new IvrMenuOptions { Enabled = false, DefaultQueue = directQueue, PriorityLevel = _center.Ivr.Menu.PriorityLevel };
        _ivr = new IvrFlow(menu, priorityCaller);
        _player = new PromptPlayer(_center.Time, call.Relay.Caller, call.Caller.PayloadType,
            (uint)Random.Shared.Next(), (ushort)Random.Shared.Next(ushort.MaxValue), (uint)Random.Shared.Next(), _center.PromptClock);
    }

    public string? QueueId => _ivr.QueueId;

    /// <summary>An inbound call hears the IVR; a return-visit call we placed hears the return-visit survey at once.</summary>
    public void Start()
    {
        if (_returnVisit)
        {
            StartSurvey(PromptNames.ReturnVisit);
            return;
        }
        Execute(_ivr.Start());
    }

    /// <summary>A key from the caller: the survey's or, while nobody talks with the caller, the menu's.</summary>
    public void Digit(char key, bool agentConnected)
    {
        if (_survey is not null)
        {
            Execute(_survey.Digit(key));
        }
        else if (!agentConnected)
        {
            Execute(_ivr.Digit(key));
        }
    }

    public void CallerHungUp()
    {
        _ = _survey?.CallerHungUp() ?? _ivr.CallerHungUp();
        RecordIvrSteps();
    }

    /// <summary>The call is over: silence and no more timers.</summary>
    public void Stop()
    {
        _player.Stop();
        CancelDigitTimer();
        if (_reservation is { } held)
        {
            // Ended before it queued (the citizen hung up at once): the held agent is not kept.
            _reservation = null;
            _center.Run(acd => acd.ReleaseReservation(held, "callback ended before it queued"));
        }
    }

    /// <summary>An agent took the call: whatever was playing stops.</summary>
    public void Silence()
    {
        _playGeneration++;
        _player.Stop();
        CancelDigitTimer();
    }

    /// <summary>Hold: the caller hears music until <see cref="Silence"/>.</summary>
    public void PlayHoldMusic()
    {
        _playGeneration++;
        _player.Play([_center.Links.Prompts.Get(PromptNames.HoldMusic, QueueId)], loop: true);
    }

    /// <summary>The agent hung up first: the caller stays for the satisfaction survey (or the return visit's question).</summary>
    public void StartSurvey(string question = PromptNames.Survey)
    {
        _survey = new SurveyFlow(_center.Ivr.SurveyDigitTimeout, question: question);
        Execute(_survey.Start());
    }

    /// <summary>Waiting callers hear music between announcements; never while talking or in the survey.</summary>
    public void PlayHoldMusicIfIdle()
    {
        if (!_call.Ended && _queued && _call.Agent.Leg is null && _survey is null && !_player.IsPlaying)
        {
            PlayHoldMusic();
        }
    }

    /// <summary>The ACD placed the call: tell the caller where they stand, if anyone is ahead.</summary>
    public void OnQueued(int position, TimeSpan? estimatedWait)
    {
        if (_call.Ended || _call.Agent.Leg is not null)
        {
            return;
        }
        var announcement = QueueAnnouncement.Compose(new QueueStatus(position, estimatedWait, false));
        if (announcement.Count > 0)
        {
            var generation = ++_playGeneration;
            var audio = announcement.Select(name => _center.Links.Prompts.Get(name, QueueId)).ToList();
            _player.Play(audio, () => _center.Post(() =>
            {
                if (generation == _playGeneration)
                {
                    PlayHoldMusicIfIdle();
                }
            }));
        }
    }

    public void OnCallbackOffered()
    {
        if (!_call.Ended && _call.Agent.Leg is null)
        {
            _player.Stop();
            Execute(_ivr.OfferCallback());
        }
    }

    /// <summary>The maximum wait passed. Another queue takes the call; otherwise the ACD has asked for a callback.</summary>
    public void OnOverflow(string? target)
    {
        if (_call.Ended)
        {
            return;
        }
        _call.Record(new QueueOverflowed(_call.Now, target));
        if (target is not null)
        {
            if (_center.Run(acd => acd.Enqueue(_call.Id, _call.CallerNumber, target, 0)) is { IsRefused: false })
            {
                _call.Record(new QueueEntered(_call.Now, target, 0));
                return;
            }
            // Not a queue (the ACD asks for a callback itself only when there is no target): keep the promise.
            CallsLog.QueueMissing(_center.Logger, _call.Id, target);
            _center.SaveCallback(new CallbackRequest(_call.Id, _call.CallerNumber, QueueId ?? target, CallbackKind.Overflow, _call.Now, TimeSpan.Zero));
        }
        var generation = ++_playGeneration;
        _player.Play([_center.Links.Prompts.Get(PromptNames.CallbackConfirmed, QueueId)], () => _center.Post(() =>
        {
            if (!_call.Ended && generation == _playGeneration)
            {
                _call.HangUpByHotline();
            }
        }));
    }

    /// <summary>Carries out what the IVR or survey flow decided, then keeps the queue music going.</summary>
    private void Execute(IReadOnlyList<IvrAction> actions)
    {
        foreach (var action in actions)
        {
            if (_call.Ended)
            {
                return;
            }
            switch (action)
            {
                case PlayPrompts play:
                    Play(play.Prompts);
                    break;
                case StopPrompts:
                    _playGeneration++;
                    _player.Stop();
                    break;
                case StartDigitTimer timer:
                    StartDigitTimer(timer.Timeout);
                    break;
                case EnqueueCall enqueue:
                    Enqueue(enqueue.QueueId, enqueue.Priority);
                    break;
                case Ivr.Actions.AcceptCallback:
                    AcceptCallback();
                    break;
                case HangUp:
                    RecordIvrSteps();
                    _call.HangUpByHotline();
                    return;
            }
        }
        RecordIvrSteps();
        PlayHoldMusicIfIdle();
    }

    private void Play(IReadOnlyList<string> prompts)
    {
        var generation = ++_playGeneration;
        var audio = prompts.Select(name => _center.Links.Prompts.Get(name, QueueId)).ToList();
        _player.Play(audio, () => _center.Post(() => PromptFinished(generation)));
    }

    private void PromptFinished(int generation)
    {
        if (_call.Ended || generation != _playGeneration)
        {
            return;
        }
        Execute(_survey is not null ? _survey.PromptFinished() : _ivr.PromptFinished());
    }

    private void StartDigitTimer(TimeSpan timeout)
    {
        CancelDigitTimer();
        var generation = ++_timerGeneration;
        _digitTimer = _center.Time.CreateTimer(_ => _center.Post(() => DigitTimedOut(generation)), null, timeout, Timeout.InfiniteTimeSpan);
    }

    private void DigitTimedOut(int generation)
    {
        if (_call.Ended || generation != _timerGeneration)
        {
            return;
        }
        Execute(_survey is not null ? _survey.Timeout() : _ivr.Timeout());
    }

    private void CancelDigitTimer()
    {
        _timerGeneration++;
        _digitTimer?.Dispose();
        _digitTimer = null;
    }

    private void Enqueue(string queueId, int priority)
    {
        var reservation = _reservation;
        _reservation = null;
        var outcome = _center.Run(acd => reservation is null
            ? acd.Enqueue(_call.Id, _call.CallerNumber, queueId, priority)
            : acd.EnqueueReserved(_call.Id, _call.CallerNumber, queueId, priority, reservation));
        if (outcome.IsRefused && queueId != _center.Ivr.Menu.DefaultQueue)
        {
            // A menu key mapped to a queue that does not exist: the caller still reaches a human.
            CallsLog.QueueMissing(_center.Logger, _call.Id, queueId);
            queueId = _center.Ivr.Menu.DefaultQueue;
            outcome = _center.Run(acd => acd.Enqueue(_call.Id, _call.CallerNumber, queueId, priority));
        }
        if (outcome.IsRefused)
        {
            CallsLog.QueueMissing(_center.Logger, _call.Id, queueId);
            _call.HangUpByHotline();
            return;
        }
        _queued = true;
        _call.Record(new QueueEntered(_call.Now, queueId, priority));
    }

    private void AcceptCallback()
    {
        var outcome = _center.Run(acd => acd.AcceptCallback(_call.Id));
        if (!outcome.IsRefused)
        {
            _call.Record(new CallbackAccepted(_call.Now, _call.CallerNumber));
        }
    }

    private void RecordIvrSteps()
    {
        var now = _call.Now;
        for (; _ivrStepsRecorded < _ivr.Path.Count; _ivrStepsRecorded++)
        {
            _call.Record(new IvrStepTaken(now, _ivr.Path[_ivrStepsRecorded]));
        }
        if (_survey is { Result: not SurveyResult.None } survey && !_surveyRecorded)
        {
            _surveyRecorded = true;
            _call.Record(new SurveyAnswered(now, survey.Result));
        }
    }
}
