using Hotline.Silo.Storage;

namespace Hotline.Silo.Hosting;

/// <summary>
/// Creates or migrates the schema before anything else touches the store. Registered ahead of the
/// demo seeder and the listeners, so the server and every CLI command start on a ready store.
/// </summary>
internal sealed class StorageStartup(IStorageInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
