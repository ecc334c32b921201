using Hotline.Api.Grpc;
using Hotline.Contracts.Security;
using Hotline.Search;

namespace Hotline.Api.Knowledge;

/// <summary>What every knowledge call does around its body: check who calls, and turn search-library errors into gRPC statuses.</summary>
internal static class KnowledgeCall
{
    public static Caller RequireStaff(ServerCallContext context)
    {
        var caller = context.RequireCaller();
        return caller.Kind == CallerKind.Staff
            ? caller
            : throw new RpcException(StatusCode.PermissionDenied, "The knowledge base is for hotline staff.");
    }

    /// <summary>Editing is for editors and supervisors; agents read only.</summary>
    public static Caller RequireEditor(ServerCallContext context)
    {
        var caller = RequireStaff(context);
        return caller.Role is StaffRole.Editor or StaffRole.Supervisor
            ? caller
            : throw new RpcException(StatusCode.PermissionDenied, "Editing the knowledge base needs the editor or supervisor role.");
    }

    /// <summary>Runs a search-library call; refused input becomes INVALID_ARGUMENT naming its field, an unreachable backend UNAVAILABLE.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (SearchInputException invalid)
        {
            throw new RpcException(StatusCode.InvalidArgument, invalid.Message);
        }
        catch (SearchBackendException unavailable)
        {
            throw new RpcException(StatusCode.Unavailable, unavailable.Message);
        }
    }
}
