using Hotline.Silo.Storage;

namespace Hotline.Silo.Organisation;

/// <summary>
/// The directory's operations (import, add, update, disable, lists): reads what the rules need from
/// the store, applies <see cref="DirectoryRules"/>, and stores the result with its history. Used by
/// the CLI, the demo seeder and (later) the Administration service alike.
/// </summary>
internal sealed class OrganisationDirectory(IDirectoryStore store, ITicketRedispatcher redispatcher)
{
    public Task<IReadOnlyList<DirectoryDepartment>> ListAsync(CancellationToken cancellationToken) => store.ListDepartmentsAsync(cancellationToken);

    public Task<DirectoryDepartment?> FindAsync(string id, CancellationToken cancellationToken) => store.FindDepartmentAsync(id, cancellationToken);

    /// <summary>Changes newest first; <paramref name="beforeSequence"/> pages on from an earlier answer's last sequence.</summary>
    public Task<IReadOnlyList<DirectoryChange>> HistoryAsync(string? subjectId, int limit, CancellationToken cancellationToken, long? beforeSequence = null) =>
        store.HistoryAsync(subjectId, limit, beforeSequence ?? long.MaxValue, cancellationToken);

    /// <summary>Adds or updates every department, or none: any problem refuses the whole batch, each problem with its line.</summary>
    /// <exception cref="DirectoryRefusedException">A department breaks a rule.</exception>
    public async Task<(int Added, int Updated)> ImportAsync(IReadOnlyList<NumberedDepartment> departments, ChangeContext context,
        CancellationToken cancellationToken)
    {
        var stored = await store.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var problems = DirectoryRules.CheckChanges(stored, departments);
        if (problems.Count > 0)
        {
            throw new DirectoryRefusedException(problems);
        }

        return await store.SaveDepartmentsAsync(departments.Select(d => d.Department).ToList(), "update", context, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="DirectoryRefusedException">The id exists already or a rule is broken.</exception>
    public async Task AddAsync(DirectoryDepartment department, ChangeContext context, CancellationToken cancellationToken)
    {
        if (await store.FindDepartmentAsync(department.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new DirectoryRefusedException(new DirectoryProblem(null, department.Id, "id", "exists already; use department update", DirectoryProblemKind.Exists));
        }

        await ImportAsync([new NumberedDepartment(0, department)], context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies <paramref name="change"/> to the stored department and stores the result if the rules allow it.</summary>
    /// <exception cref="DirectoryRefusedException">No such department, or a rule is broken.</exception>
    public async Task<DirectoryDepartment> UpdateAsync(string id, Func<DirectoryDepartment, DirectoryDepartment> change, ChangeContext context,
        CancellationToken cancellationToken)
    {
        var current = await store.FindDepartmentAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new DirectoryRefusedException(new DirectoryProblem(null, id, "id", "no such department", DirectoryProblemKind.NotFound));
        var changed = change(current) with { Id = id };
        await ImportAsync([new NumberedDepartment(0, changed)], context, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>
    /// Disables a department. With open tickets this is refused unless a successor is named; its
    /// tickets then move to the successor through <see cref="ITicketRedispatcher"/> before the
    /// department is disabled. Returns how many tickets moved.
    /// </summary>
    /// <exception cref="DirectoryRefusedException">A rule refuses it, or the tickets cannot be moved.</exception>
    public async Task<int> DisableAsync(string id, string? successorId, ChangeContext context, CancellationToken cancellationToken)
    {
        var stored = await store.ListDepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var open = await store.OpenTicketIdsAsync(id, cancellationToken).ConfigureAwait(false);
        var problems = DirectoryRules.CheckDisable(stored, id, successorId, open.Count);
        if (problems.Count > 0)
        {
            throw new DirectoryRefusedException(problems);
        }

        var moved = 0;
        if (open.Count > 0 && successorId is not null)
        {
            moved = await redispatcher.MoveAsync(open, id, successorId, context, cancellationToken).ConfigureAwait(false);
            var left = await store.OpenTicketIdsAsync(id, cancellationToken).ConfigureAwait(false);
            if (left.Count > 0)
            {
                throw new DirectoryRefusedException(new DirectoryProblem(null, id, "successor",
                    $"{left.Count} open ticket(s) are still with the department after the move; try again", DirectoryProblemKind.Conflict));
            }
        }

        var department = stored.Single(d => d.Id == id);
        await store.SaveDepartmentsAsync([department with { Active = false }], "disable", context, cancellationToken).ConfigureAwait(false);
        return moved;
    }

    public Task<IReadOnlyList<string>> ListValuesAsync(string list, CancellationToken cancellationToken) =>
        store.ListValuesAsync(RequireList(list), cancellationToken);

    /// <exception cref="DirectoryRefusedException">The value breaks the rules or is there already.</exception>
    public async Task AddValueAsync(string list, string value, ChangeContext context, CancellationToken cancellationToken)
    {
        if (DirectoryRules.CheckListValue(value) is { } problem)
        {
            throw new DirectoryRefusedException(new DirectoryProblem(null, null, list, problem));
        }

        if (!await store.AddValueAsync(RequireList(list), value, context, cancellationToken).ConfigureAwait(false))
        {
            throw new DirectoryRefusedException(new DirectoryProblem(null, null, list, $"'{value}' is on the list already", DirectoryProblemKind.Exists));
        }
    }

    /// <exception cref="DirectoryRefusedException">The value is not on the list.</exception>
    public async Task RemoveValueAsync(string list, string value, ChangeContext context, CancellationToken cancellationToken)
    {
        if (!await store.RemoveValueAsync(RequireList(list), value, context, cancellationToken).ConfigureAwait(false))
        {
            throw new DirectoryRefusedException(new DirectoryProblem(null, null, list, $"'{value}' is not on the list", DirectoryProblemKind.NotFound));
        }
    }

    private static string RequireList(string list) =>
        DirectoryLists.All.Contains(list, StringComparer.Ordinal) ? list : throw new ArgumentOutOfRangeException(nameof(list), list, "unknown list");
}
