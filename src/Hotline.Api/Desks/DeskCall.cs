using Hotline.Api.Grpc;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Hotline.Api.Desks;

/// <summary>What every desk method does around its body: check who calls, and turn domain refusals into gRPC statuses.</summary>
internal static class DeskCall
{
    public static Caller RequireStaff(ServerCallContext context)
    {
        var caller = context.RequireCaller();
        return caller.Kind == CallerKind.Staff
            ? caller
            : throw new RpcException(StatusCode.PermissionDenied, "HotlineDesk is for hotline staff; departments use DepartmentDesk.");
    }

    public static Caller RequireDepartment(ServerCallContext context)
    {
        var caller = context.RequireCaller();
        return caller.Kind == CallerKind.Department
            ? caller
            : throw new RpcException(StatusCode.PermissionDenied, "DepartmentDesk is for departments; staff use HotlineDesk.");
    }

    /// <summary>Runs a domain call; a refusal becomes the gRPC status of the same name, with its precise message.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (TicketRefusedException refused)
        {
            throw ToRpc(refused);
        }
        catch (Exception gone) when (IsHostGone(gone))
        {
            throw Unavailable(gone);
        }
    }

    /// <summary>
    /// The silo that held the grain stopped or died mid-call: nothing was acknowledged, and the grain comes back
    /// on a live silo, so the client should retry (UNAVAILABLE is the status gRPC clients retry on).
    /// </summary>
    public static RpcException Unavailable(Exception gone) =>
        new(StatusCode.Unavailable, $"The ticket's host went away; retry the call. ({gone.GetType().Name})");

    /// <summary>Orleans could not deliver the call (the target silo is stopping, dead or unreachable).</summary>
    public static bool IsHostGone(Exception exception) => exception is OrleansMessageRejectionException or ConnectionFailedException;

    public static RpcException ToRpc(TicketRefusedException refused) => new(
        refused.Kind switch
        {
            TicketRefusal.NotFound => StatusCode.NotFound,
            TicketRefusal.InvalidArgument => StatusCode.InvalidArgument,
            TicketRefusal.FailedPrecondition => StatusCode.FailedPrecondition,
            TicketRefusal.PermissionDenied => StatusCode.PermissionDenied,
            TicketRefusal.Aborted => StatusCode.Aborted,
            _ => StatusCode.Unknown,
        },
        refused.Message);
}
