using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Scheduling;

/// <summary>Port to the telephony edge for return-visit calls: reach the citizen, then an agent queue or the automated survey.</summary>
internal interface IReturnVisitLine
{
    /// <summary>Completes when the citizen answered and the call is queued (reached, with the call id) or was not reached (with why).</summary>
    Task<ReturnVisitOutcome> CallAsync(string number, string queueId, CancellationToken cancellationToken);

    /// <summary>
    /// The automated survey: completes when the call has ended, with the citizen's answer, or null when the citizen
    /// was not reached or pressed no valid key (the detail says which).
    /// </summary>
    Task<(Satisfaction? Answer, string Detail)> SurveyAsync(string number, CancellationToken cancellationToken);
}
