using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Calls;

/// <summary>
/// <see cref="IOutboundCalls"/> on the call center: the citizen is dialled through the trunk off the loop, and
/// the answered call joins the call table as a <see cref="HotlineCall"/> like any inbound one.
/// </summary>
internal sealed class OutboundCalls(CallCenter center, TrunkDialer trunk) : IOutboundCalls
{
    public async Task<CallCenterResult> PlaceCallAsync(string number, string queueId, CancellationToken cancellationToken)
    {
        if (!await KnownQueueAsync(queueId).ConfigureAwait(false))
        {
            return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, $"unknown queue {queueId}");
        }
        var (citizen, refusal) = await trunk.DialCitizenAsync(number, cancellationToken).ConfigureAwait(false);
        if (citizen is null)
        {
            return refusal!;
        }
        var id = center.NewCallId();
        center.Post(() => center.Begin(new HotlineCall(center, citizen, id, priorityCaller: true, directQueue: queueId)));
        return new CallCenterResult(null, id);
    }

    public async Task<string?> ReserveAgentAsync(string queueId, CancellationToken cancellationToken)
    {
        var reservationId = center.NewCallId();
        var outcome = await center.InvokeAsync(() => center.Run(acd => acd.Reserve(reservationId, queueId))).ConfigureAwait(false);
        return outcome.IsRefused ? null : reservationId;
    }

    public Task ReleaseAgentAsync(string reservationId, string reason, CancellationToken cancellationToken) =>
        center.InvokeAsync(() => center.Run(acd => acd.ReleaseReservation(reservationId, reason)));

    public async Task<CallCenterResult> PlaceReservedCallAsync(string number, string queueId, string reservationId, CancellationToken cancellationToken)
    {
        var answered = false;
        try
        {
            if (!await KnownQueueAsync(queueId).ConfigureAwait(false))
            {
                return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, $"unknown queue {queueId}");
            }
            var (citizen, refusal) = await trunk.DialCitizenAsync(number, cancellationToken).ConfigureAwait(false);
            if (citizen is null)
            {
                return refusal!;
            }
            answered = true;
            var id = center.NewCallId();
            center.Post(() => center.Begin(new HotlineCall(center, citizen, id, priorityCaller: true, directQueue: queueId, reservation: reservationId)));
            return new CallCenterResult(null, id);
        }
        finally
        {
            if (!answered)
            {
                // Whatever stopped the call (no answer, a refused number, the host stopping), the agent is not kept.
                await ReleaseAgentAsync(reservationId, "callback not answered", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public async Task<SurveyCallResult> PlaceSurveyCallAsync(string number, CancellationToken cancellationToken)
    {
        var (citizen, refusal) = await trunk.DialCitizenAsync(number, cancellationToken).ConfigureAwait(false);
        if (citizen is null)
        {
            return new SurveyCallResult(refusal!.Refusal, refusal.Detail ?? "", SurveyResult.None, null);
        }
        var id = center.NewCallId();
        var finished = new TaskCompletionSource<CallDetailRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        center.Post(() =>
        {
            center.AwaitRecord(id, finished);
            center.Begin(new HotlineCall(center, citizen, id, priorityCaller: false, directQueue: null, returnVisit: true));
        });
        // The call ends by itself (the survey's thanks, the citizen's hang-up, or no key twice); stopping the
        // host ends it too, so this wait is bounded by the call.
        var record = await finished.Task.ConfigureAwait(false);
        return new SurveyCallResult(null, record.Survey == SurveyResult.None ? "answered, no key pressed" : "answered: key " + (int)record.Survey, record.Survey, id);
    }

    private Task<bool> KnownQueueAsync(string queueId) => center.InvokeAsync(() => center.Acd.Queues.Any(q => q.Id == queueId));
}
