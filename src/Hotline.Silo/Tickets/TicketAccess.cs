using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets;

/// <summary>
/// Who may act on a ticket and in which states. Departments are checked for visibility before anything
/// else, so a department never learns from a refusal that a ticket it was not sent exists.
/// </summary>
internal static class TicketAccess
{
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

    public static void RequireStaff(Caller caller, string action)
    {
        if (!IsHotlineStaff(caller))
        {
            throw TicketRefusedException.Denied($"only hotline agents and supervisors may {action}");
        }
    }

    public static void RequireSupervisor(Caller caller, string action)
    {
        if (caller.Kind != CallerKind.Staff || caller.Role != StaffRole.Supervisor)
        {
            throw TicketRefusedException.Denied($"only a supervisor may {action}");
        }
    }

    /// <summary>The caller is a department the ticket was sent to (else NotFound), and its lead (else PermissionDenied).</summary>
    public static void RequireLead(TicketGrainState state, Caller caller, string action)
    {
        RequireDepartment(state, caller, action);
        if (state.LeadDepartmentId != caller.Id)
        {
            throw TicketRefusedException.Denied($"only the lead department may {action}; {caller.Id} is assisting");
        }
    }

    public static void RequireDepartment(TicketGrainState state, Caller caller, string action)
    {
        if (caller.Kind != CallerKind.Department)
        {
            throw TicketRefusedException.Denied($"only the department handling the ticket may {action}");
        }

        RequireVisible(state, caller);
    }

    public static void RequireState(TicketGrainState state, string action, params TicketState[] allowed)
    {
        if (!allowed.Contains(state.State))
        {
            throw TicketRefusedException.WrongState(state.State, action);
        }
    }

    private static bool IsHotlineStaff(Caller caller) =>
        caller.Kind == CallerKind.Staff && caller.Role is StaffRole.Agent or StaffRole.Supervisor;
}
