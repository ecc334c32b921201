using Hotline.Api.Grpc;
using Hotline.Contracts.Security;
using Hotline.Telephony.Calls;

namespace Hotline.Api.Calls;

/// <summary>Who may call AgentDesk and Supervision, and how the call center's refusals become gRPC statuses.</summary>
internal static class CallCenterCall
{
    /// <summary>An agent or a supervisor (supervisors take calls too); the agent acted on is the caller's staff id.</summary>
    public static Caller RequireAgent(ServerCallContext context)
    {
        var caller = RequireStaff(context, "AgentDesk");
        return caller.Role is StaffRole.Agent or StaffRole.Supervisor
            ? caller
            : throw new RpcException(StatusCode.PermissionDenied, $"AgentDesk is for agents and supervisors, not the role {caller.Role}.");
    }

    public static Caller RequireSupervisor(ServerCallContext context)
    {
        var caller = RequireStaff(context, "Supervision");
        return caller.Role == StaffRole.Supervisor
            ? caller
            : throw new RpcException(StatusCode.PermissionDenied, $"Supervision is for supervisors, not the role {caller.Role}.");
    }

    /// <summary>Returns when the command was done; a refusal becomes its status with the call center's detail.</summary>
    public static void Ensure(CallCenterResult result)
    {
        if (result.Refusal is not { } refusal)
        {
            return;
        }

        var status = refusal switch
        {
            CallCenterRefusal.NotFound => StatusCode.NotFound,
            CallCenterRefusal.WrongState => StatusCode.FailedPrecondition,
            CallCenterRefusal.InvalidArgument => StatusCode.InvalidArgument,
            CallCenterRefusal.Unavailable => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        throw new RpcException(status, string.IsNullOrEmpty(result.Detail) ? refusal.ToString() : result.Detail);
    }

    private static Caller RequireStaff(ServerCallContext context, string service)
    {
        var caller = context.RequireCaller();
        return caller.Kind == CallerKind.Staff
            ? caller
            : throw new RpcException(StatusCode.PermissionDenied, $"{service} is for hotline staff; departments use DepartmentDesk.");
    }
}
