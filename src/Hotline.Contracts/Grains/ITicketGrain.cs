using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;

namespace Hotline.Contracts.Grains;

/// <summary>
/// One ticket, keyed by its id. Each command is one transition: it is decided on the current state,
/// made durable, and only then answered with the ticket as the caller may see it (departments get the
/// caller's phone masked). Refusals throw <see cref="TicketRefusedException"/>; a command that lost a
/// race with another host throws it with <see cref="TicketRefusal.Aborted"/> and changes nothing.
/// </summary>
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>Creates the ticket under this grain's key (callers go through <see cref="ITicketCreation"/>, which draws the key and retries a taken one).</summary>
    Task<TicketView> CreateAsync(CreateTicket command);

    Task<TicketView> ResolveDirectlyAsync(ResolveDirectly command);

    Task<TicketView> DispatchAsync(DispatchTicket command);

    Task<TicketView> DesignateAsync(DesignateDepartment command);

    /// <summary>Hands the ticket from a disabled department to its successor (supervisors; the directory's disable).</summary>
    Task<TicketView> TransferAsync(TransferTicket command);

    Task<TicketView> ClaimAsync(ClaimTicket command);

    Task<TicketView> ReturnAsync(ReturnTicket command);

    Task<TicketView> DecideReturnAsync(DecideReturn command);

    Task<TicketView> RequestExtensionAsync(RequestExtension command);

    Task<TicketView> DecideExtensionAsync(DecideExtension command);

    Task<TicketView> AddProgressAsync(AddProgress command);

    Task<TicketView> ResolveAsync(ResolveTicket command);

    Task<TicketView> ReviewReplyAsync(ReviewReply command);

    Task<TicketView> RecordCallbackAsync(RecordCallback command);

    /// <summary>Merges this ticket into the parent (which records it first), then marks this one MERGED.</summary>
    Task<TicketView> MergeIntoAsync(MergeTicket command);

    /// <summary>Called by a merging child on its parent; not for the desks.</summary>
    Task<TicketView> AttachMergedChildAsync(AttachMergedChild command);

    /// <summary>
    /// Issues every deadline alarm due now (warning, overdue, escalation) and a due return-visit attempt as one
    /// commit. Called by the scheduler's sweep, not by the desks; a ticket with nothing due changes nothing.
    /// The sweep places the returned call, then reports it with <see cref="RecordReturnVisitAttemptAsync"/>.
    /// </summary>
    Task<DueWork> FireDueAlarmsAsync();

    /// <summary>
    /// The outcome of a return-visit call: reached (an agent now holds the call and records the answer with
    /// RecordCallback) or not; after the last attempt an unreached citizen is recorded as unanswered.
    /// </summary>
    Task RecordReturnVisitAttemptAsync(int attempt, bool reached, string detail);

    /// <summary>
    /// Moves one of the ticket's pending scheduled jobs (a name like "handle-overdue" or "return-visit") to
    /// <paramref name="dueAt"/>, kept in the history with who and why. Supervisors only.
    /// </summary>
    Task<ScheduledJob> RescheduleJobAsync(Caller caller, string job, DateTimeOffset dueAt, string reason);

    /// <summary>Cancels one of the ticket's pending scheduled jobs so it never fires. Supervisors only.</summary>
    Task CancelJobAsync(Caller caller, string job, string reason);

    /// <summary>
    /// The outcome of an automated return-visit survey call: the key the citizen pressed (recorded as the callback,
    /// as RecordCallback would: unsatisfied reopens the ticket), or none (not reached, or no key: the next attempt follows).
    /// </summary>
    Task RecordReturnVisitSurveyAsync(int attempt, Satisfaction? answer, string detail);

    /// <summary>The ticket as the caller may see it; NotFound for departments it was never dispatched to.</summary>
    Task<TicketView> GetAsync(Caller caller);

    /// <summary>The ticket's history (流转记录) in order. Staff only.</summary>
    Task<IReadOnlyList<TicketHistoryEntry>> GetHistoryAsync(Caller caller);
}
