using Hotline.Contracts.Tickets;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Ivr;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// <see cref="IReturnVisitLine"/> on the edge's outbound calls (trunk → citizen → the queue's next agent at
/// priority, or the edge's own survey). A number outside Callbacks:AllowedNumbers is never dialled: the
/// attempt fails with the reason, so the round ends unanswered and the ticket shows an agent must call.
/// </summary>
internal sealed class OutboundReturnVisitLine(IOutboundCalls calls, IOptions<CallbackOptions> callbackOptions) : IReturnVisitLine
{
    private readonly CallbackNumberPolicy _numbers = new(callbackOptions.Value.AllowedNumbers);

    public async Task<ReturnVisitOutcome> CallAsync(string number, string queueId, CancellationToken cancellationToken)
    {
        if (_numbers.Refusal(number) is { } refusal)
        {
            return new ReturnVisitOutcome(false, "not dialled: " + refusal);
        }

        var result = await calls.PlaceCallAsync(number, queueId, cancellationToken).ConfigureAwait(false);
        return new ReturnVisitOutcome(result.IsDone, result.Detail ?? result.Refusal?.ToString() ?? "");
    }

    public async Task<(Satisfaction? Answer, string Detail)> SurveyAsync(string number, CancellationToken cancellationToken)
    {
        if (_numbers.Refusal(number) is { } refusal)
        {
            return (null, "not dialled: " + refusal);
        }

        var result = await calls.PlaceSurveyCallAsync(number, cancellationToken).ConfigureAwait(false);
        Satisfaction? answer = result.Answer switch
        {
            SurveyResult.Satisfied => Satisfaction.Satisfied,
            SurveyResult.BasicallySatisfied => Satisfaction.BasicallySatisfied,
            SurveyResult.Unsatisfied => Satisfaction.Unsatisfied,
            _ => null,
        };
        return (answer, result.CallId is null ? result.Detail : $"{result.Detail} (call {result.CallId})");
    }
}
