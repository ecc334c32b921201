using Hotline.Silo.Hosting;
using Hotline.Silo.Organisation;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Demo;

/// <summary>
/// On an empty store, loads the demo departments at startup (skipped with <c>--no-demo</c>),
/// through the directory's import path, so the demo is checked and audited like any import.
/// </summary>
internal sealed class DemoSeeder(IServiceProvider services, ILogger<DemoSeeder> logger) : IHostedService
{
    private static readonly ChangeContext Context = new("system", "demo organisation");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetService<IOrganisationStore>();
        var directory = services.GetService<OrganisationDirectory>();
        if (store is null || directory is null)
        {
            HostLog.DemoSkippedNoStorage(logger);
            return;
        }

        if (!await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var departments = DemoOrganisation.LoadDepartments();
        await directory.ImportAsync(departments, Context, cancellationToken).ConfigureAwait(false);
        HostLog.DemoLoaded(logger, departments.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
