using Hotline.Telephony.Ivr.Actions;

namespace Hotline.Telephony.Ivr;

/// <summary>
/// The inbound call's IVR as a pure state machine: greeting → optional one-key menu (priority callers
/// skip it) → queue, then, while queued, the callback offer. Inputs are the call's events (prompt
/// finished, key, timeout, hang-up); outputs are actions for the call to carry out. Kept short on
/// purpose: practice is a human within 15 s, so keys barge in and a confused caller is queued to the
/// default queue after the last attempt rather than dropped. <see cref="Path"/> goes on the call record.
/// </summary>
public sealed class IvrFlow
{
    private readonly IvrMenuOptions _menu;
    private readonly bool _priority;
    private readonly List<string> _path = [];
    private Stage _stage = Stage.NotStarted;
    private int _attempts;

    public IvrFlow(IvrMenuOptions menu, bool priorityCaller)
    {
        ArgumentNullException.ThrowIfNull(menu);
        _menu = menu;
        _priority = priorityCaller;
    }

    private enum Stage
    {
        NotStarted,
        Greeting,
        Menu,
        MenuWaiting,
        Queued,
        CallbackOffered,
        CallbackConfirming,
        Ended,
    }

    /// <summary>Steps taken, e.g. greeting, menu, key:2, queue:utilities.</summary>
    public IReadOnlyList<string> Path => _path;

    /// <summary>The queue the caller was put in, once queued.</summary>
    public string? QueueId { get; private set; }

    /// <summary>The caller hung up before reaching a queue.</summary>
    public bool AbandonedInIvr { get; private set; }

    public IReadOnlyList<IvrAction> Start()
    {
        if (_stage != Stage.NotStarted)
        {
            return [];
        }

        _stage = Stage.Greeting;
        _path.Add("greeting");
        return [new PlayPrompts([PromptNames.Greeting])];
    }

    public IReadOnlyList<IvrAction> PromptFinished() => _stage switch
    {
        Stage.Greeting when _priority => Enqueue(_menu.DefaultQueue, _menu.PriorityLevel, "priority"),
        Stage.Greeting when _menu.Enabled => PlayMenu(),
        Stage.Greeting => Enqueue(_menu.DefaultQueue, 0, "no-menu"),
        Stage.Menu => Wait(Stage.MenuWaiting),
        Stage.CallbackOffered => [new StartDigitTimer(_menu.DigitTimeout)],
        Stage.CallbackConfirming => End([HangUp.Instance]),
        _ => [],
    };

    public IReadOnlyList<IvrAction> Digit(char key)
    {
        switch (_stage)
        {
            case Stage.Greeting when !_priority && _menu.Enabled:
            case Stage.Menu:
            case Stage.MenuWaiting:
                bool playing = _stage is Stage.Greeting or Stage.Menu;
                IReadOnlyList<IvrAction> next = Select(key);
                return playing ? [StopPrompts.Instance, .. next] : next;
            case Stage.CallbackOffered when key == '1':
                _stage = Stage.CallbackConfirming;
                _path.Add("callback-accepted");
                return [StopPrompts.Instance, AcceptCallback.Instance, new PlayPrompts([PromptNames.CallbackConfirmed])];
            case Stage.CallbackOffered:
                _stage = Stage.Queued;
                _path.Add("callback-declined");
                return [StopPrompts.Instance];
            default:
                return [];
        }
    }

    public IReadOnlyList<IvrAction> Timeout()
    {
        switch (_stage)
        {
            case Stage.MenuWaiting:
                _path.Add("timeout");
                return Retry(invalidKey: false);
            case Stage.CallbackOffered:
                _stage = Stage.Queued;
                _path.Add("callback-declined");
                return [];
            default:
                return [];
        }
    }

    /// <summary>The ACD advised a callback offer (the estimated wait is long).</summary>
    public IReadOnlyList<IvrAction> OfferCallback()
    {
        if (_stage != Stage.Queued)
        {
            return [];
        }

        _stage = Stage.CallbackOffered;
        _path.Add("callback-offer");
        return [new PlayPrompts([PromptNames.CallbackOffer])];
    }

    public IReadOnlyList<IvrAction> CallerHungUp()
    {
        if (_stage == Stage.Ended)
        {
            return [];
        }

        AbandonedInIvr = _stage is Stage.NotStarted or Stage.Greeting or Stage.Menu or Stage.MenuWaiting;
        _path.Add("hangup");
        return End([StopPrompts.Instance]);
    }

    private IReadOnlyList<IvrAction> Select(char key)
    {
        if (_menu.Keys.TryGetValue(key.ToString(), out string? queue))
        {
            _path.Add("key:" + key);
            return Enqueue(queue, 0, null);
        }

        _path.Add("invalid:" + key);
        return Retry(invalidKey: true);
    }

    private IReadOnlyList<IvrAction> Retry(bool invalidKey)
    {
        if (_attempts >= _menu.MaxAttempts)
        {
            return Enqueue(_menu.DefaultQueue, 0, "menu-exhausted");
        }

        return invalidKey ? PlayMenu(PromptNames.Invalid) : PlayMenu();
    }

    private IReadOnlyList<IvrAction> PlayMenu(string? before = null)
    {
        _attempts++;
        _stage = Stage.Menu;
        _path.Add("menu");
        return [new PlayPrompts(before is null ? [PromptNames.Menu] : [before, PromptNames.Menu])];
    }

    private IReadOnlyList<IvrAction> Wait(Stage stage)
    {
        _stage = stage;
        return [new StartDigitTimer(_menu.DigitTimeout)];
    }

    private IReadOnlyList<IvrAction> Enqueue(string queueId, int priority, string? why)
    {
        if (why is not null)
        {
            _path.Add(why);
        }

        _path.Add("queue:" + queueId);
        _stage = Stage.Queued;
        QueueId = queueId;
        return [new EnqueueCall(queueId, priority)];
    }

    private IReadOnlyList<IvrAction> End(IReadOnlyList<IvrAction> actions)
    {
        _stage = Stage.Ended;
        return actions;
    }
}
