using Hotline.Silo.Hosting;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Demo;

/// <summary>On an empty store, loads the demo departments at startup (skipped with <c>--no-demo</c>).</summary>
internal sealed class DemoSeeder(IServiceProvider services, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetService<IOrganisationStore>();
        if (store is null)
        {
            HostLog.DemoSkippedNoStorage(logger);
            return;
        }

        if (!await store.IsEmptyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var departments = DemoOrganisation.LoadDepartments();
        foreach (var department in departments)
        {
            await store.UpsertDepartmentAsync(department, cancellationToken).ConfigureAwait(false);
        }

        HostLog.DemoLoaded(logger, departments.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
