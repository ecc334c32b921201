using Hotline.Contracts.Grains;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Grains;

namespace Hotline.Silo.Tickets;

/// <summary>
/// A department's activation: loads the department once and serves it from memory until collected.
/// An unknown id is looked up again on the next call, so a department added later is found.
/// </summary>
internal sealed class DepartmentGrain(IGrainContext context, IDepartmentDirectory directory) : IDepartmentGrain, IActivationHooks
{
    private Department? _department;

    public async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _department = await directory.FindAsync(context.Key, cancellationToken);

    public Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Department> GetAsync()
    {
        _department ??= await directory.FindAsync(context.Key, CancellationToken.None);
        return _department ?? throw new TicketRefusedException(TicketRefusal.NotFound, $"department '{context.Key}' not found");
    }
}
