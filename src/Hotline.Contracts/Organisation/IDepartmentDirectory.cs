namespace Hotline.Contracts.Organisation;

/// <summary>The departments tickets can be dispatched to.</summary>
public interface IDepartmentDirectory
{
    Task<IReadOnlyList<Department>> ListAsync(CancellationToken cancellationToken);

    Task<Department?> FindAsync(string departmentId, CancellationToken cancellationToken);
}
