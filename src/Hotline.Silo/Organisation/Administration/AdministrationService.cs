using System.Globalization;
using Grpc.Core;
using V1 = Hotline.Api.V1;

namespace Hotline.Silo.Organisation.Administration;

/// <summary>
/// hotline.v1.Administration: the organisation directory for supervisors, over the same
/// <see cref="OrganisationDirectory"/> the CLI uses, so both apply one set of rules and one history.
/// Disabling with a successor moves the open tickets through the ticket grains (<see cref="GrainTicketRedispatcher"/>).
/// </summary>
internal sealed class AdministrationService(OrganisationDirectory directory, CachedTicketVocabulary vocabulary) : V1.Administration.AdministrationBase
{
    public override async Task<V1.ListDirectoryDepartmentsResponse> ListDirectoryDepartments(V1.ListDirectoryDepartmentsRequest request, ServerCallContext context)
    {
        AdministrationCall.RequireSupervisor(context);
        var size = AdministrationCall.PageSize(request.PageSize);
        if (request.PageToken.Length > DirectoryRules.MaxIdLength)
        {
            throw AdministrationCall.Invalid("page_token", "is not a token this call gave");
        }

        var after = request.PageToken;
        var page = (await directory.ListAsync(context.CancellationToken))
            .Where(d => !request.ActiveOnly || d.Active)
            .Where(d => string.CompareOrdinal(d.Id, after) > 0)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Take(size + 1)
            .ToList();
        var response = new V1.ListDirectoryDepartmentsResponse { NextPageToken = page.Count > size ? page[size - 1].Id : "" };
        response.Departments.AddRange(page.Take(size).Select(AdministrationMessages.ToMessage));
        return response;
    }

    public override async Task<V1.DirectoryDepartment> GetDirectoryDepartment(V1.GetDirectoryDepartmentRequest request, ServerCallContext context)
    {
        AdministrationCall.RequireSupervisor(context);
        var id = RequiredId(request.DepartmentId);
        var department = await directory.FindAsync(id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"department_id: no department '{id}'"));
        return AdministrationMessages.ToMessage(department);
    }

    public override async Task<V1.DirectoryDepartment> AddDirectoryDepartment(V1.AddDirectoryDepartmentRequest request, ServerCallContext context)
    {
        var change = AdministrationCall.Context(context, request.Reason, "added");
        var department = AdministrationMessages.FromMessage(request.Department ?? throw AdministrationCall.Invalid("department", "is required"));
        await AdministrationCall.RunAsync(async () =>
        {
            await directory.AddAsync(department, change, context.CancellationToken);
            return true;
        });
        return AdministrationMessages.ToMessage(department);
    }

    public override async Task<V1.DirectoryDepartment> UpdateDirectoryDepartment(V1.UpdateDirectoryDepartmentRequest request, ServerCallContext context)
    {
        var change = AdministrationCall.Context(context, request.Reason, "updated");
        var id = RequiredId(request.DepartmentId);
        if (request.Active == false)
        {
            throw AdministrationCall.Invalid("active", "only true (enable); disabling is DisableDirectoryDepartment, which checks open tickets");
        }

        var updated = await AdministrationCall.RunAsync(() =>
            directory.UpdateAsync(id, d => AdministrationMessages.Apply(d, request), change, context.CancellationToken));
        return AdministrationMessages.ToMessage(updated);
    }

    public override async Task<V1.DisableDirectoryDepartmentResponse> DisableDirectoryDepartment(V1.DisableDirectoryDepartmentRequest request, ServerCallContext context)
    {
        var change = AdministrationCall.Context(context, request.Reason, defaultReason: null);
        var id = RequiredId(request.DepartmentId);
        var successor = request.SuccessorDepartmentId.Length == 0 ? null : request.SuccessorDepartmentId;
        var moved = await AdministrationCall.RunAsync(() => directory.DisableAsync(id, successor, change, context.CancellationToken));
        var department = await directory.FindAsync(id, context.CancellationToken);
        return new V1.DisableDirectoryDepartmentResponse
        {
            Department = department is null ? null : AdministrationMessages.ToMessage(department),
            MovedTickets = moved,
        };
    }

    public override async Task<V1.ImportDirectoryDepartmentsResponse> ImportDirectoryDepartments(V1.ImportDirectoryDepartmentsRequest request, ServerCallContext context)
    {
        var change = AdministrationCall.Context(context, request.Reason, "import");
        var (added, updated, count) = await AdministrationCall.RunAsync(async () =>
        {
            var departments = DirectoryFile.Parse(request.Content.Span);
            var own = DirectoryRules.CheckChanges([], departments, storedUnknown: true);
            if (own.Count > 0)
            {
                throw new DirectoryRefusedException(own);
            }

            var (a, u) = await directory.ImportAsync(departments, change, context.CancellationToken);
            return (a, u, departments.Count);
        });
        return new V1.ImportDirectoryDepartmentsResponse { Added = added, Updated = updated, Unchanged = count - added - updated };
    }

    public override async Task<V1.ListDirectoryChangesResponse> ListDirectoryChanges(V1.ListDirectoryChangesRequest request, ServerCallContext context)
    {
        AdministrationCall.RequireSupervisor(context);
        var size = AdministrationCall.PageSize(request.PageSize);
        long? before = null;
        if (request.PageToken.Length > 0)
        {
            before = long.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0
                ? sequence
                : throw AdministrationCall.Invalid("page_token", "is not a token this call gave");
        }

        var subject = request.SubjectId.Length == 0 ? null : request.SubjectId;
        var changes = await directory.HistoryAsync(subject, size + 1, context.CancellationToken, before);
        var response = new V1.ListDirectoryChangesResponse
        {
            NextPageToken = changes.Count > size ? changes[size - 1].Sequence.ToString(CultureInfo.InvariantCulture) : "",
        };
        response.Changes.AddRange(changes.Take(size).Select(AdministrationMessages.ToMessage));
        return response;
    }

    public override async Task<V1.ListDirectoryValuesResponse> ListDirectoryValues(V1.ListDirectoryValuesRequest request, ServerCallContext context)
    {
        AdministrationCall.RequireSupervisor(context);
        return await ValuesAsync(RequiredList(request.List), context.CancellationToken);
    }

    public override async Task<V1.ListDirectoryValuesResponse> AddDirectoryValue(V1.DirectoryValueRequest request, ServerCallContext context)
    {
        var change = AdministrationCall.Context(context, request.Reason, "added");
        var list = RequiredList(request.List);
        await AdministrationCall.RunAsync(async () =>
        {
            await directory.AddValueAsync(list, request.Value, change, context.CancellationToken);
            vocabulary.Invalidate();
            return true;
        });
        return await ValuesAsync(list, context.CancellationToken);
    }

    public override async Task<V1.ListDirectoryValuesResponse> RemoveDirectoryValue(V1.DirectoryValueRequest request, ServerCallContext context)
    {
        var change = AdministrationCall.Context(context, request.Reason, "removed");
        var list = RequiredList(request.List);
        await AdministrationCall.RunAsync(async () =>
        {
            await directory.RemoveValueAsync(list, request.Value, change, context.CancellationToken);
            vocabulary.Invalidate();
            return true;
        });
        return await ValuesAsync(list, context.CancellationToken);
    }

    private async Task<V1.ListDirectoryValuesResponse> ValuesAsync(string list, CancellationToken cancellationToken)
    {
        var response = new V1.ListDirectoryValuesResponse();
        response.Values.AddRange(await directory.ListValuesAsync(list, cancellationToken));
        return response;
    }

    private static string RequiredId(string id) =>
        id.Length == 0 ? throw AdministrationCall.Invalid("department_id", "is required")
        : id.Length > DirectoryRules.MaxIdLength ? throw AdministrationCall.Invalid("department_id", $"is longer than {DirectoryRules.MaxIdLength} characters")
        : id;

    private static string RequiredList(string list) =>
        DirectoryLists.All.Contains(list, StringComparer.Ordinal)
            ? list
            : throw AdministrationCall.Invalid("list", $"'{(list.Length > 20 ? list[..20] + "…" : list)}' is not one of {string.Join(", ", DirectoryLists.All)}");
}
