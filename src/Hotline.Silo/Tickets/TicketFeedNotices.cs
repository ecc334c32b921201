using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tickets;

/// <summary>
/// The feed rows a commit carries: every department newly sent the ticket hears of it, with the ticket as it
/// may see it; the lead department also hears of each deadline alarm (催办, overdue, 督办) on the same stream,
/// and so do the supervisors (<see cref="SupervisionFeed"/>, with the ticket unmasked).
/// </summary>
internal sealed class TicketFeedNotices(TicketViews views)
{
    public List<FeedNotice> For(IReadOnlyList<TicketChange> changes, TicketGrainState next, DateTimeOffset now)
    {
        var notices = new List<FeedNotice>();
        foreach (var alarm in changes.Select(c => c.Event).OfType<DeadlineAlarmed>())
        {
            notices.Add(new FeedNotice(SupervisionFeed.Id, alarm.Type, TicketSerializer.Write(views.Full(next, now))));
        }

        string? payload = null;
        foreach (var change in changes)
        {
            var (kind, recipients) = change.Event switch
            {
                TicketDispatched d => ("dispatched", (IReadOnlyList<string>)[d.LeadDepartmentId, .. d.AssistingDepartmentIds]),
                ReturnRejected => ("return_rejected", next.LeadDepartmentId is { } lead ? [lead] : []),
                TicketTransferred t => ("dispatched", [t.ToDepartmentId]),
                DeadlineAlarmed a => (a.Type, a.DepartmentId is { } bound ? [bound] : []),
                _ => (null, []),
            };
            if (kind is null)
            {
                continue;
            }

            payload ??= TicketSerializer.Write(views.Full(next, now).ForDepartment());
            notices.AddRange(recipients.Select(department => new FeedNotice(department, kind, payload)));
        }

        return notices;
    }
}
