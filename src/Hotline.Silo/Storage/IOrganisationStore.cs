using Hotline.Contracts.Organisation;

namespace Hotline.Silo.Storage;

/// <summary>Departments and staff as stored; the host seeds the demo organisation through it.</summary>
internal interface IOrganisationStore : IDepartmentDirectory
{
    Task UpsertDepartmentAsync(Department department, CancellationToken cancellationToken);

    /// <summary>True when no department exists yet (a fresh store that may take the demo organisation).</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);
}
