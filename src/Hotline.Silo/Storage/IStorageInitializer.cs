namespace Hotline.Silo.Storage;

/// <summary>Creates or upgrades the schema. The host and the CLI call it once at start, before any other storage call.</summary>
internal interface IStorageInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
