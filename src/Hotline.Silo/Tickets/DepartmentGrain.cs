using Hotline.Contracts.Grains;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Cluster;
using Orleans;

namespace Hotline.Silo.Tickets;

/// <summary>
/// A department's activation: loads the department once and serves it from memory until collected.
/// An unknown id is looked up again on the next call, so a department added later is found.
/// </summary>
internal sealed class DepartmentGrain(IDepartmentDirectory directory) : Grain, IDepartmentGrain
{
    private Department? _department;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _department = await StorageFaults.GuardAsync(directory.FindAsync(Id, cancellationToken));

    public async Task<Department> GetAsync()
    {
        _department ??= await directory.FindAsync(Id, CancellationToken.None);
        return _department ?? throw new TicketRefusedException(TicketRefusal.NotFound, $"department '{Id}' not found");
    }
}
