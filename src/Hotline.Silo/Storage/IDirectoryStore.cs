using Hotline.Silo.Organisation;

namespace Hotline.Silo.Storage;

/// <summary>
/// The organisation directory as stored: departments with every field, the district and category
/// lists, and the append-only history of every change. Rules are checked by the caller
/// (<see cref="DirectoryRules"/>); the store records.
/// </summary>
internal interface IDirectoryStore
{
    /// <summary>Every department, active or not, by id.</summary>
    Task<IReadOnlyList<DirectoryDepartment>> ListDepartmentsAsync(CancellationToken cancellationToken);

    Task<DirectoryDepartment?> FindDepartmentAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Adds or replaces the departments in one transaction, each change with a history entry
    /// (<paramref name="action"/>, before and after); departments identical to the stored ones
    /// are left alone. Returns how many were added and how many changed.
    /// </summary>
    Task<(int Added, int Updated)> SaveDepartmentsAsync(IReadOnlyList<DirectoryDepartment> departments, string action, ChangeContext context,
        CancellationToken cancellationToken);

    /// <summary>The values of a list (<see cref="DirectoryLists"/>) in their order.</summary>
    Task<IReadOnlyList<string>> ListValuesAsync(string list, CancellationToken cancellationToken);

    /// <summary>Adds a value at the end of a list; false when it is there already.</summary>
    Task<bool> AddValueAsync(string list, string value, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Removes a value from a list; false when it was not there.</summary>
    Task<bool> RemoveValueAsync(string list, string value, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Changes newest first, of one subject id or of all, with a sequence below <paramref name="beforeSequence"/>; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DirectoryChange>> HistoryAsync(string? subjectId, int limit, long beforeSequence, CancellationToken cancellationToken);

    /// <summary>The sequence of the newest change (0 for none): a host polls it to notice changes made by the CLI.</summary>
    Task<long> VersionAsync(CancellationToken cancellationToken);

    /// <summary>Tickets dispatched to the department that are not closed or merged.</summary>
    Task<IReadOnlyList<string>> OpenTicketIdsAsync(string departmentId, CancellationToken cancellationToken);
}
