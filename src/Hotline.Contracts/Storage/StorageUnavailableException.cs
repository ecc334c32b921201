namespace Hotline.Contracts.Storage;

/// <summary>
/// The database refused a grain's read or write, or could not be reached: nothing was acknowledged, and the same
/// call may succeed once storage is back. Grains raise it in place of the driver's own exception (a
/// <c>PostgresException</c> or <c>SqliteException</c>), which Orleans cannot carry to a caller on another host.
/// </summary>
[GenerateSerializer]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>The driver's exception type, kept for the log on the calling host (e.g. "PostgresException 53300").</summary>
    [Id(0)]
    public string? Cause { get; init; }
}
