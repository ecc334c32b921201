using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Ivr.Actions;

namespace Hotline.Telephony.Calls;

internal sealed partial class HotlineCall
{
    // Each play and each digit timer gets a generation; a finish or timeout from an older one is ignored
    // (a key may have replaced the prompt while its last frame was going out).
    private int _playGeneration;
    private int _timerGeneration;
    private ITimer? _digitTimer;
    private bool _queued;

    /// <summary>Carries out what the IVR or survey flow decided, then keeps the queue music going.</summary>
    private void Execute(IReadOnlyList<IvrAction> actions)
    {
        foreach (var action in actions)
        {
            if (_ended)
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
                case Hotline.Telephony.Ivr.Actions.AcceptCallback:
                    AcceptCallback();
                    break;
                case HangUp:
                    RecordIvrSteps();
                    HangUpByHotline();
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
        if (_ended || generation != _playGeneration)
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
        if (_ended || generation != _timerGeneration)
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

    /// <summary>Waiting callers hear music between announcements; never while talking or in the survey.</summary>
    private void PlayHoldMusicIfIdle()
    {
        if (!_ended && _queued && _agentLeg is null && _survey is null && !_player.IsPlaying)
        {
            _playGeneration++;
            _player.Play([_center.Links.Prompts.Get(PromptNames.HoldMusic, QueueId)], loop: true);
        }
    }

    private void Enqueue(string queueId, int priority)
    {
        var outcome = _center.Run(acd => acd.Enqueue(Id, _caller.CallerNumber, queueId, priority));
        if (outcome.IsRefused && queueId != _center.Ivr.Menu.DefaultQueue)
        {
            // A menu key mapped to a queue that does not exist: the caller still reaches a human.
            CallsLog.QueueMissing(_center.Logger, Id, queueId);
            queueId = _center.Ivr.Menu.DefaultQueue;
            outcome = _center.Run(acd => acd.Enqueue(Id, _caller.CallerNumber, queueId, priority));
        }
        if (outcome.IsRefused)
        {
            CallsLog.QueueMissing(_center.Logger, Id, queueId);
            HangUpByHotline();
            return;
        }
        _queued = true;
        Record(new QueueEntered(Now, queueId, priority));
    }

    /// <summary>The ACD placed the call: tell the caller where they stand, if anyone is ahead.</summary>
    public void OnQueued(int position, TimeSpan? estimatedWait)
    {
        if (_ended || _agentLeg is not null)
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
        if (!_ended && _agentLeg is null)
        {
            _player.Stop();
            Execute(_ivr.OfferCallback());
        }
    }

    private void AcceptCallback()
    {
        var outcome = _center.Run(acd => acd.AcceptCallback(Id));
        if (!outcome.IsRefused)
        {
            Record(new CallbackAccepted(Now, _caller.CallerNumber));
        }
    }

    /// <summary>The maximum wait passed. Another queue takes the call; otherwise the ACD has asked for a callback.</summary>
    public void OnOverflow(string? target)
    {
        if (_ended)
        {
            return;
        }
        Record(new QueueOverflowed(Now, target));
        if (target is not null)
        {
            if (_center.Run(acd => acd.Enqueue(Id, _caller.CallerNumber, target, 0)) is { IsRefused: false })
            {
                Record(new QueueEntered(Now, target, 0));
                return;
            }
            // Not a queue (the ACD asks for a callback itself only when there is no target): keep the promise.
            CallsLog.QueueMissing(_center.Logger, Id, target);
            _center.SaveCallback(new CallbackRequest(Id, _caller.CallerNumber, QueueId ?? target, CallbackKind.Overflow, Now, TimeSpan.Zero));
        }
        var generation = ++_playGeneration;
        _player.Play([_center.Links.Prompts.Get(PromptNames.CallbackConfirmed, QueueId)], () => _center.Post(() =>
        {
            if (!_ended && generation == _playGeneration)
            {
                HangUpByHotline();
            }
        }));
    }
}
