using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets;

/// <summary>
/// The lifecycle's rules: given the current state, a command and the time, the events it causes, or a
/// <see cref="TicketRefusedException"/>. Free of I/O; the grain looks departments up beforehand.
/// Departments are checked for visibility before anything else, so a department never learns from a
/// refusal that a ticket it was not sent exists.
/// </summary>
internal sealed partial class TicketRules(TicketOptions options, TicketDeadlines deadlines)
{
    private const int MaxTextLength = 4000;
    private const int MaxShortTextLength = 200;

    public TicketOptions Options => options;

    public TicketDeadlines Deadlines => deadlines;

    /// <summary>The ticket went round too many departments: only a supervisor may choose the next.</summary>
    public bool NeedsDesignation(TicketGrainState state) =>
        state.State == TicketState.Returned && state.DispatchCount >= options.DispatchesBeforeDesignation;

    /// <summary>Agents and supervisors see every ticket; a department only those it is lead or assisting on.</summary>
    public static bool CanSee(TicketGrainState state, Caller caller) => caller.Kind switch
    {
        CallerKind.Staff => IsHotlineStaff(caller),
        CallerKind.Department => state.DepartmentIds().Contains(caller.Id),
        _ => false,
    };

    /// <summary>Refuses reads the caller may not make: NotFound for departments, PermissionDenied for other roles.</summary>
    public static void RequireVisible(TicketGrainState state, Caller caller)
    {
        if (caller.Kind == CallerKind.Department && !CanSee(state, caller))
        {
            throw TicketRefusedException.NotFound(state.Id);
        }

        if (caller.Kind == CallerKind.Staff && !IsHotlineStaff(caller))
        {
            throw TicketRefusedException.Denied($"role {caller.Role} may not work tickets");
        }
    }

    public static string ActorOf(Caller caller) =>
        caller.Kind == CallerKind.Department ? $"department:{caller.Id}" : $"staff:{caller.Id}";

    private static bool IsHotlineStaff(Caller caller) =>
        caller.Kind == CallerKind.Staff && caller.Role is StaffRole.Agent or StaffRole.Supervisor;

    private static void RequireStaff(Caller caller, string action)
    {
        if (!IsHotlineStaff(caller))
        {
            throw TicketRefusedException.Denied($"only hotline agents and supervisors may {action}");
        }
    }

    private static void RequireSupervisor(Caller caller, string action)
    {
        if (caller.Kind != CallerKind.Staff || caller.Role != StaffRole.Supervisor)
        {
            throw TicketRefusedException.Denied($"only a supervisor may {action}");
        }
    }

    /// <summary>The caller is a department the ticket was sent to (else NotFound), and its lead (else PermissionDenied).</summary>
    private static void RequireLead(TicketGrainState state, Caller caller, string action)
    {
        RequireDepartment(state, caller, action);
        if (state.LeadDepartmentId != caller.Id)
        {
            throw TicketRefusedException.Denied($"only the lead department may {action}; {caller.Id} is assisting");
        }
    }

    private static void RequireDepartment(TicketGrainState state, Caller caller, string action)
    {
        if (caller.Kind != CallerKind.Department)
        {
            throw TicketRefusedException.Denied($"only the department handling the ticket may {action}");
        }

        RequireVisible(state, caller);
    }

    private static void RequireState(TicketGrainState state, string action, params TicketState[] allowed)
    {
        if (!allowed.Contains(state.State))
        {
            throw TicketRefusedException.WrongState(state.State, action);
        }
    }

    private static string Required(string? value, string field, int maxLength = MaxTextLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw TicketRefusedException.Invalid(field, "is required");
        }

        return Limited(text, field, maxLength);
    }

    private static string? Optional(string? value, string field, int maxLength = MaxTextLength)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : Limited(text, field, maxLength);
    }

    private static string Limited(string text, string field, int maxLength) =>
        text.Length <= maxLength ? text : throw TicketRefusedException.Invalid(field, $"must be at most {maxLength} characters");

    private static T Defined<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw TicketRefusedException.Invalid(field, $"unknown {field} {value}");
}
