using Grpc.Core;
using Hotline.Api.Pipeline;
using Hotline.Contracts.Paging;
using Hotline.Contracts.Security;

namespace Hotline.Silo.Organisation.Administration;

/// <summary>Who may call Administration, what a change records of the caller, and the directory's refusals as statuses.</summary>
internal static class AdministrationCall
{
    public const int MaxReasonLength = 500;

    /// <summary>A supervisor; the change history records them as <c>staff:&lt;id&gt;</c>.</summary>
    public static Caller RequireSupervisor(ServerCallContext context)
    {
        var caller = context.RequireCaller();
        return caller is { Kind: CallerKind.Staff, Role: StaffRole.Supervisor }
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied,
                caller.Kind == CallerKind.Department ? "Administration is for supervisors, not departments." : $"Administration is for supervisors, not the role {caller.Role}."));
    }

    /// <summary>Who and why for the history; <paramref name="defaultReason"/> stands in for an empty reason unless it is null (then the reason is required).</summary>
    public static ChangeContext Context(ServerCallContext context, string reason, string? defaultReason)
    {
        var caller = RequireSupervisor(context);
        if (reason.Length == 0)
        {
            reason = defaultReason ?? throw Invalid("reason", "is required (it is kept in the history)");
        }

        return DirectoryRules.CheckText(reason, MaxReasonLength, required: true) is { } problem
            ? throw Invalid("reason", problem)
            : new ChangeContext("staff:" + caller.Id, reason);
    }

    public static int PageSize(int requested) => PageSizes.Resolve(requested) ?? throw Invalid("page_size", PageSizes.Rule);

    /// <summary>Runs a directory operation; a refusal becomes the status of its first problem, with every problem in the detail.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (DirectoryRefusedException refused)
        {
            throw Refused(refused);
        }
    }

    public static RpcException Refused(DirectoryRefusedException refused)
    {
        var code = refused.Problems.Select(p => p.Kind).DefaultIfEmpty(DirectoryProblemKind.Invalid).Max() switch
        {
            DirectoryProblemKind.NotFound => StatusCode.NotFound,
            DirectoryProblemKind.Exists => StatusCode.AlreadyExists,
            DirectoryProblemKind.Conflict => StatusCode.FailedPrecondition,
            _ => StatusCode.InvalidArgument,
        };
        var problems = refused.Problems.Take(DirectoryFile.MaxReported).Select(p => p.ToString());
        var more = refused.Problems.Count > DirectoryFile.MaxReported ? $"; and {refused.Problems.Count - DirectoryFile.MaxReported} more" : "";
        return new RpcException(new Status(code, string.Join("; ", problems) + more));
    }

    public static RpcException Invalid(string field, string message) => new(new Status(StatusCode.InvalidArgument, $"{field}: {message}"));
}
