namespace Hotline.Silo.Scheduling;

/// <summary>Port to the telephony edge for return-visit calls: reach the citizen and hand the call to an agent queue.</summary>
internal interface IReturnVisitLine
{
    /// <summary>Completes when the citizen answered and the call is queued (reached, with the call id) or was not reached (with why).</summary>
    Task<ReturnVisitOutcome> CallAsync(string number, string queueId, CancellationToken cancellationToken);
}
