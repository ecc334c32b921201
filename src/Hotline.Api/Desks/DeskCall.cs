using Grpc.Core;
using Hotline.Api.Pipeline;
using Hotline.Contracts.Security;

namespace Hotline.Api.Desks;

/// <summary>Who may call the ticket desks: staff on HotlineDesk, departments on DepartmentDesk.</summary>
internal static class DeskCall
{
    public static Caller RequireStaff(ServerCallContext context)
    {
        var caller = context.RequireCaller();
        return caller.Kind == CallerKind.Staff
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied, "HotlineDesk is for hotline staff; departments use DepartmentDesk."));
    }

    public static Caller RequireDepartment(ServerCallContext context)
    {
        var caller = context.RequireCaller();
        return caller.Kind == CallerKind.Department
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied, "DepartmentDesk is for departments; staff use HotlineDesk."));
    }
}
