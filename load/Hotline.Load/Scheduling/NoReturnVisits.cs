using Hotline.Contracts.Tickets;
using Hotline.Silo.Scheduling;

namespace Hotline.Load.Scheduling;

/// <summary>No ticket of this benchmark awaits a return visit, so nothing is ever dialled.</summary>
internal sealed class NoReturnVisits : IReturnVisitLine
{
    public Task<ReturnVisitOutcome> CallAsync(string number, string queueId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the scheduler benchmark places no calls");

    public Task<(Satisfaction? Answer, string Detail)> SurveyAsync(string number, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the scheduler benchmark places no calls");
}
