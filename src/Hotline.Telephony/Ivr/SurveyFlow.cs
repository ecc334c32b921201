using Hotline.Telephony.Ivr.Actions;

namespace Hotline.Telephony.Ivr;

/// <summary>
/// The satisfaction survey played to the caller when the agent hangs up first: 1 satisfied,
/// 2 basically satisfied, 3 unsatisfied. A wrong key or silence repeats the question once; then the
/// result is <see cref="SurveyResult.None"/>. Pure: inputs in, actions out. The question is the
/// <paramref name="question"/> prompt: the after-call survey's, or the return visit's (回访) on a call we placed.
/// </summary>
public sealed class SurveyFlow(TimeSpan digitTimeout, int maxAttempts = 2, string question = PromptNames.Survey)
{
    private Stage _stage = Stage.NotStarted;
    private int _attempts;

    private enum Stage
    {
        NotStarted,
        Asking,
        Waiting,
        Thanking,
        Ended,
    }

    public SurveyResult Result { get; private set; }

    public bool IsFinished => _stage == Stage.Ended;

    public IReadOnlyList<IvrAction> Start() => _stage == Stage.NotStarted ? Ask() : [];

    public IReadOnlyList<IvrAction> PromptFinished() => _stage switch
    {
        Stage.Asking => Waiting(),
        Stage.Thanking => End([HangUp.Instance]),
        _ => [],
    };

    public IReadOnlyList<IvrAction> Digit(char key)
    {
        if (_stage is not (Stage.Asking or Stage.Waiting))
        {
            return [];
        }

        bool playing = _stage == Stage.Asking;
        IReadOnlyList<IvrAction> next = key switch
        {
            '1' => Answer(SurveyResult.Satisfied),
            '2' => Answer(SurveyResult.BasicallySatisfied),
            '3' => Answer(SurveyResult.Unsatisfied),
            _ => Again(),
        };
        return playing ? [StopPrompts.Instance, .. next] : next;
    }

    public IReadOnlyList<IvrAction> Timeout() => _stage == Stage.Waiting ? Again() : [];

    public IReadOnlyList<IvrAction> CallerHungUp() => _stage == Stage.Ended ? [] : End([StopPrompts.Instance]);

    private IReadOnlyList<IvrAction> Ask()
    {
        _attempts++;
        _stage = Stage.Asking;
        return [new PlayPrompts([question])];
    }

    private IReadOnlyList<IvrAction> Waiting()
    {
        _stage = Stage.Waiting;
        return [new StartDigitTimer(digitTimeout)];
    }

    private IReadOnlyList<IvrAction> Again() => _attempts < maxAttempts ? Ask() : End([HangUp.Instance]);

    private IReadOnlyList<IvrAction> Answer(SurveyResult result)
    {
        Result = result;
        _stage = Stage.Thanking;
        return [new PlayPrompts([PromptNames.Thanks])];
    }

    private IReadOnlyList<IvrAction> End(IReadOnlyList<IvrAction> actions)
    {
        _stage = Stage.Ended;
        return actions;
    }
}
