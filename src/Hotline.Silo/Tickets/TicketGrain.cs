using Hotline.Contracts.Grains;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Cluster;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets.Alarms;
using Hotline.Silo.Tickets.Events;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Hotline.Silo.Tickets;

/// <summary>
/// One ticket's activation: runs each command through <see cref="TicketRules"/>, commits the events
/// (version-checked) and only then takes the new state as its own, so an answer always describes
/// durable state. Calls to one key run one at a time, so in-memory state needs no locking.
/// </summary>
internal sealed class TicketGrain(
    ITicketStore store,
    SingleActivation activation,
    IDepartmentDirectory departments,
    ITicketVocabulary vocabulary,
    TicketRules rules,
    TicketViews views,
    TicketSchedule schedule,
    TicketCommitBuilder commits,
    TicketRequestGate requests,
    [FromKeyedServices(TicketServiceCollectionExtensions.ClockKey)] TimeProvider time,
    IEnumerable<ITicketChangeObserver> observers,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain
{
    /// <summary>Who the history names for what the scheduler issues.</summary>
    private static readonly Caller Scheduler = new(CallerKind.Staff, "scheduler", StaffRole.Supervisor);

    private TicketGrainState? _state;

    // Set when a commit threw: it may or may not have reached the disk, so the next command reloads first.
    private bool _stale;

    private string Id => this.GetPrimaryKeyString();

    /// <summary>
    /// On a database shared with hosts outside this cluster another activation of this ticket may commit at any
    /// time; deciding or answering from cached state would refuse legal commands, lose races needlessly and
    /// serve stale reads. Within one cluster Orleans keeps a single activation, and the store's version check
    /// stays as the safety net.
    /// </summary>
    private bool ReloadEachCall => store.SharedWithOtherHosts && !activation.AcrossHosts;

    // When every call reloads first anyway (see RefreshAsync), activation need not.
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        ReloadEachCall ? Task.CompletedTask : StorageFaults.GuardAsync(ReloadAsync(cancellationToken));

    public async Task<TicketView> CreateAsync(CreateTicket command)
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            throw TicketRefusedException.Invalid("ticket_id", "is required");
        }

        await RefreshAsync();
        if (_state is not null)
        {
            throw TicketRefusedException.Aborted($"ticket id '{Id}' is already in use; retry with a new id");
        }

        if (await vocabulary.CheckAsync(command.District, command.Category, CancellationToken.None) is { } refused)
        {
            throw refused;
        }

        return await CommitAsync(command.Caller, rules.Intake.Create(command), request: TicketRequestKey.For(command.Caller, command.RequestId));
    }

    public Task<TicketView> ResolveDirectlyAsync(ResolveDirectly command) =>
        OnceAsync(command, async request => await CommitAsync(command.Caller, rules.Intake.ResolveDirectly(await ExistingAsync(command.Caller), command), request: request));

    public Task<TicketView> DispatchAsync(DispatchTicket command) => OnceAsync(command, async request =>
    {
        var state = await ExistingAsync(command.Caller);
        var known = await LookUpAsync(command.LeadDepartmentId, command.AssistingDepartmentIds);
        var now = time.GetUtcNow();
        return await CommitAsync(command.Caller, rules.Dispatch.Dispatch(state, command, known, now), now, request);
    });

    public Task<TicketView> DesignateAsync(DesignateDepartment command) => OnceAsync(command, async request =>
    {
        var state = await ExistingAsync(command.Caller);
        var known = await LookUpAsync(command.LeadDepartmentId, command.AssistingDepartmentIds);
        var now = time.GetUtcNow();
        return await CommitAsync(command.Caller, rules.Dispatch.Designate(state, command, known, now), now, request);
    });

    public Task<TicketView> DecideReturnAsync(DecideReturn command) => OnceAsync(command, async request =>
    {
        var state = await ExistingAsync(command.Caller);
        var known = await LookUpAsync(command.NewLeadDepartmentId, command.AssistingDepartmentIds);
        var now = time.GetUtcNow();
        return await CommitAsync(command.Caller, rules.Dispatch.DecideReturn(state, command, known, now), now, request);
    });

    public async Task<TicketView> TransferAsync(TransferTicket command)
    {
        var state = await ExistingAsync(command.Caller);
        var known = await LookUpAsync(command.ToDepartmentId, []);
        var now = time.GetUtcNow();
        return await CommitAsync(command.Caller, rules.Dispatch.Transfer(state, command, known, now), now);
    }

    public Task<TicketView> ClaimAsync(ClaimTicket command) =>
        OnceAsync(command, async request => await CommitAsync(command.Caller, TicketHandlingRules.Claim(await ExistingAsync(command.Caller), command), request: request));

    public Task<TicketView> ReturnAsync(ReturnTicket command) => OnceAsync(command, async request =>
    {
        var state = await ExistingAsync(command.Caller);
        var now = time.GetUtcNow();
        return await CommitAsync(command.Caller, rules.Dispatch.Return(state, command, now), now, request);
    });

    public Task<TicketView> RequestExtensionAsync(RequestExtension command) =>
        OnceAsync(command, async request => await CommitAsync(command.Caller, rules.Handling.RequestExtension(await ExistingAsync(command.Caller), command), request: request));

    public Task<TicketView> DecideExtensionAsync(DecideExtension command) =>
        OnceAsync(command, async request => await CommitAsync(command.Caller, rules.Handling.DecideExtension(await ExistingAsync(command.Caller), command), request: request));

    public Task<TicketView> AddProgressAsync(AddProgress command) =>
        OnceAsync(command, async request => await CommitAsync(command.Caller, TicketHandlingRules.AddProgress(await ExistingAsync(command.Caller), command), request: request));

    public Task<TicketView> ResolveAsync(ResolveTicket command) =>
        OnceAsync(command, async request => await CommitAsync(command.Caller, TicketHandlingRules.Resolve(await ExistingAsync(command.Caller), command), request: request));

    public Task<TicketView> ReviewReplyAsync(ReviewReply command) =>
        OnceAsync(command, async request => await CommitAsync(command.Caller, TicketReviewRules.ReviewReply(await ExistingAsync(command.Caller), command), request: request));

    public Task<TicketView> RecordCallbackAsync(RecordCallback command) =>
        OnceAsync(command, async request => await CommitAsync(command.Caller, TicketReviewRules.RecordCallback(await ExistingAsync(command.Caller), command), request: request));

    public Task<TicketView> MergeIntoAsync(MergeTicket command) => OnceAsync(command, async request =>
    {
        var events = TicketIntakeRules.MergeInto(await ExistingAsync(command.Caller), command);

        // The parent records the child first: if it refuses (unknown, itself merged) nothing changes here.
        // A crash between the two leaves the parent listing a child not yet MERGED; retrying the merge
        // completes it, as attaching is idempotent.
        var parentId = events.OfType<TicketMerged>().Single().ParentTicketId;
        var parent = GrainFactory.GetGrain<ITicketGrain>(parentId);
        await parent.AttachMergedChildAsync(new AttachMergedChild(command.Caller, Id));
        return await CommitAsync(command.Caller, events, request: request);
    });

    public async Task<TicketView> AttachMergedChildAsync(AttachMergedChild command) =>
        await CommitAsync(command.Caller, TicketIntakeRules.AttachMergedChild(await ExistingAsync(command.Caller), command));

    public async Task<DueWork> FireDueAlarmsAsync()
    {
        await RefreshAsync();
        if (_state is null)
        {
            return new DueWork(0, null);
        }

        var now = time.GetUtcNow();
        var (due, call) = schedule.Due(_state, now);
        if (due.Count > 0)
        {
            await CommitAsync(Scheduler, due, now);
        }

        return new DueWork(due.Count, due.Count > 0 ? call : null);
    }

    public Task RecordReturnVisitAttemptAsync(int attempt, bool reached, string detail) =>
        SchedulerReportAsync(state => schedule.VisitEnded(state, attempt, reached, detail));

    public Task RecordReturnVisitSurveyAsync(int attempt, Satisfaction? answer, string detail) =>
        SchedulerReportAsync(state => schedule.SurveyEnded(state, attempt, answer, detail));

    public async Task<ScheduledJob> RescheduleJobAsync(Caller caller, string job, DateTimeOffset dueAt, string reason)
    {
        var state = await ExistingAsync(caller);
        var now = time.GetUtcNow();
        await CommitAsync(caller, schedule.Reschedule(state, caller, job, dueAt, reason, now), now);
        return schedule.Job(_state!, job);
    }

    public async Task CancelJobAsync(Caller caller, string job, string reason)
    {
        var state = await ExistingAsync(caller);
        await CommitAsync(caller, schedule.Cancel(state, caller, job, reason));
    }

    public async Task<TicketView> GetAsync(Caller caller)
    {
        var state = await ExistingAsync(caller);
        TicketAccess.RequireVisible(state, caller);
        return views.For(state, caller, time.GetUtcNow());
    }

    public async Task<IReadOnlyList<TicketHistoryEntry>> GetHistoryAsync(Caller caller)
    {
        var state = await ExistingAsync(caller);
        TicketAccess.RequireVisible(state, caller);
        if (caller.Kind != CallerKind.Staff)
        {
            throw TicketRefusedException.Denied("a ticket's history is for hotline staff");
        }

        var history = await store.ReadHistoryAsync(Id, CancellationToken.None);
        return [.. history.Select(TicketHistory.ToEntry)];
    }

    /// <summary>A report from the scheduler's calls (a visit call ended): committed as the scheduler; ignored for a ticket that is gone.</summary>
    private async Task SchedulerReportAsync(Func<TicketGrainState, IReadOnlyList<TicketEvent>> decide)
    {
        await RefreshAsync();
        if (_state is not null && decide(_state) is { Count: > 0 } events)
        {
            await CommitAsync(Scheduler, events);
        }
    }

    /// <summary>The current state, or NotFound. Visibility for departments is checked by the rules.</summary>
    private async Task<TicketGrainState> ExistingAsync(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await RefreshAsync();
        return _state ?? throw TicketRefusedException.NotFound(Id);
    }

    private async Task RefreshAsync()
    {
        if (_stale || _state is null)
        {
            if (_stale || ReloadEachCall)
            {
                await ReloadAsync(CancellationToken.None);
            }
        }
        else if (ReloadEachCall && await store.LoadIfChangedAsync(Id, _state.Version, CancellationToken.None) is { } changed)
        {
            // Tickets are never deleted, so an unchanged version is the only reason for no row: the state held is current.
            _state = TicketSerializer.Read(changed);
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(Id, cancellationToken);
        _state = stored is null ? null : TicketSerializer.Read(stored);
        _stale = false;
    }

    /// <param name="decidedAt">The time the rules decided on (deadlines start there); now when they needed none.</param>
    /// <param name="request">The client's request id, stored in the same transaction; a repeat is not applied (ABORTED).</param>
    private async Task<TicketView> CommitAsync(Caller caller, IReadOnlyList<TicketEvent> events, DateTimeOffset? decidedAt = null, TicketRequestKey? request = null)
    {
        var now = decidedAt ?? time.GetUtcNow();
        if (events.Count == 0)
        {
            return views.For(_state!, caller, now);
        }

        var actor = ReferenceEquals(caller, Scheduler) ? "system:scheduler" : TicketAccess.ActorOf(caller);
        var (next, commit) = commits.Build(Id, _state, actor, events, now, request);

        bool applied;
        try
        {
            applied = await store.CommitAsync(commit, CancellationToken.None);
        }
        catch (Exception exception)
        {
            TicketGrainLog.CommitFailed(logger, Id, exception);
            _stale = true;
            throw;
        }

        if (!applied)
        {
            TicketGrainLog.LostRace(logger, Id, commit.ExpectedVersion);
            await ReloadAsync(CancellationToken.None);
            throw TicketRefusedException.Aborted($"ticket '{Id}' was changed concurrently; reload it and retry");
        }

        _state = next;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // The event list is joined only when someone reads it: this runs on every transition.
            TicketGrainLog.Committed(logger, Id, string.Join(",", commit.Events.Select(e => e.Type)), next.Version);
        }

        var full = views.Full(next, now);
        foreach (var observer in observers)
        {
            observer.OnCommitted(full);
        }

        return views.For(next, caller, now);
    }

    /// <summary>Runs a change once per client request id (see <see cref="TicketRequestGate"/>).</summary>
    private Task<TicketView> OnceAsync(ITicketCommand command, Func<TicketRequestKey?, Task<TicketView>> change) =>
        requests.OnceAsync(Id, command, change, async () =>
        {
            await ReloadAsync(CancellationToken.None);
            return await GetAsync(command.Caller);
        });

    private async Task<IReadOnlyDictionary<string, Department>> LookUpAsync(string? lead, IReadOnlyList<string>? assisting)
    {
        var found = new Dictionary<string, Department>();
        foreach (var id in TicketDispatchRules.NamedDepartments(lead, assisting))
        {
            if (await departments.FindAsync(id, CancellationToken.None) is { } department)
            {
                found[id] = department;
            }
        }

        return found;
    }
}
