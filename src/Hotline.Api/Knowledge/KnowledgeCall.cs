using Grpc.Core;
using Hotline.Api.Pipeline;
using Hotline.Contracts.Security;

namespace Hotline.Api.Knowledge;

/// <summary>Who may call the knowledge base: any staff member reads, editors and supervisors edit.</summary>
internal static class KnowledgeCall
{
    public static Caller RequireStaff(ServerCallContext context)
    {
        var caller = context.RequireCaller();
        return caller.Kind == CallerKind.Staff
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied, "The knowledge base is for hotline staff."));
    }

    /// <summary>Editing is for editors and supervisors; agents read only.</summary>
    public static Caller RequireEditor(ServerCallContext context)
    {
        var caller = RequireStaff(context);
        return caller.Role is StaffRole.Editor or StaffRole.Supervisor
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied, "Editing the knowledge base needs the editor or supervisor role."));
    }
}
