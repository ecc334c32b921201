using Grpc.Core;
using Hotline.Api.Pipeline;
using Hotline.Contracts.Security;
using Hotline.Telephony.Calls;

namespace Hotline.Api.Calls;

/// <summary>Who may call AgentDesk and Supervision, and the call center's refusals as exceptions.</summary>
internal static class CallCenterCall
{
    /// <summary>An agent or a supervisor (supervisors take calls too); the agent acted on is the caller's staff id.</summary>
    public static Caller RequireAgent(ServerCallContext context)
    {
        var caller = RequireStaff(context, "AgentDesk");
        return caller.Role is StaffRole.Agent or StaffRole.Supervisor
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied, $"AgentDesk is for agents and supervisors, not the role {caller.Role}."));
    }

    public static Caller RequireSupervisor(ServerCallContext context)
    {
        var caller = RequireStaff(context, "Supervision");
        return caller.Role == StaffRole.Supervisor
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied, $"Supervision is for supervisors, not the role {caller.Role}."));
    }

    /// <summary>Returns when the command was done; a refusal is thrown with the call center's detail, for the status interceptor.</summary>
    public static void Ensure(CallCenterResult result)
    {
        if (result.Refusal is not { } refusal)
        {
            return;
        }

        throw new CallCenterRefusedException(refusal, string.IsNullOrEmpty(result.Detail) ? refusal.ToString() : result.Detail);
    }

    private static Caller RequireStaff(ServerCallContext context, string service)
    {
        var caller = context.RequireCaller();
        return caller.Kind == CallerKind.Staff
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied, $"{service} is for hotline staff; departments use DepartmentDesk."));
    }
}
