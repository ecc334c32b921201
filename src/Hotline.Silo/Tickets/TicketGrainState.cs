using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets;

/// <summary>A ticket's current state: the fold of its events, stored as JSON with each commit.</summary>
internal sealed record TicketGrainState(
    string Id,
    TicketState State,
    string CallerPhone,
    string CallerName,
    Category Category,
    string District,
    string Address,
    string Content,
    Urgency Urgency,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public string? LeadDepartmentId { get; init; }

    public IReadOnlyList<string> AssistingDepartmentIds { get; init; } = [];

    /// <summary>
    /// The names the ticket's departments had in the directory when it was sent to them, by id: a later
    /// rename or disabling leaves them. Departments dispatched before names were recorded are missing, and
    /// state stored before then has null here (the JSON reader sets absent init properties to null).
    /// </summary>
    public IReadOnlyDictionary<string, string>? DepartmentNames { get; init; }

    public string? Instructions { get; init; }

    /// <summary>Dispatches since a department last signed for the ticket.</summary>
    public int DispatchCount { get; init; }

    public bool Designated { get; init; }

    public DateTimeOffset? DispatchedAt { get; init; }

    public Deadline? SignDeadline { get; init; }

    public Deadline? HandleDeadline { get; init; }

    public ExtensionRequest? PendingExtension { get; init; }

    public string? Answer { get; init; }

    public string? Reply { get; init; }

    public CallbackResult? Callback { get; init; }

    public string? ParentTicketId { get; init; }

    public IReadOnlyList<string> MergedChildIds { get; init; } = [];

    public IReadOnlyList<ProgressNote> Progress { get; init; } = [];

    /// <summary>Deadline alarms already issued (see <see cref="Alarms.TicketAlarms"/>).</summary>
    public IReadOnlyList<Alarms.FiredAlarm> Alarms { get; init; } = [];

    /// <summary>Supervisors' moves and cancellations of alarms; null in state stored before they existed.</summary>
    public IReadOnlyList<Alarms.AlarmOverride>? AlarmOverrides { get; init; }

    /// <summary>The current round of return-visit calls; null before the ticket first awaits a callback.</summary>
    public Alarms.ReturnVisitProgress? Visit { get; init; }

    /// <summary>Departments the ticket is with (lead first): they may see it; nobody else may.</summary>
    public IReadOnlyList<string> DepartmentIds() =>
        LeadDepartmentId is null ? [] : [LeadDepartmentId, .. AssistingDepartmentIds];
}
