using System.Data.Common;
using Hotline.Contracts.Storage;

namespace Hotline.Silo.Cluster;

/// <summary>
/// What counts as a storage fault, and its form that can cross the cluster: database drivers' exceptions have no
/// Orleans codec, so a caller on another host would receive an unknown fault (INTERNAL) instead of "retry later".
/// Used by <see cref="StorageFaultFilter"/> for grain calls, and by grains whose activation reads the store: a failed
/// activation is sent back to a remote caller as a rejection carrying the driver's exception, which no call filter sees
/// (a CI run showed PostgresException 53300 in OnActivateAsync arrive as CodecNotFoundException).
/// </summary>
internal static class StorageFaults
{
    public static bool Is(Exception fault) => fault is DbException or IOException or TimeoutException;

    public static StorageUnavailableException ToUnavailable(Exception fault)
    {
        var cause = fault is DbException { SqlState: { } state } ? $"{fault.GetType().Name} {state}" : fault.GetType().Name;
        return new StorageUnavailableException($"Storage is unavailable; retry later. ({cause})") { Cause = cause };
    }

    public static async Task GuardAsync(Task work)
    {
        try
        {
            await work;
        }
        catch (Exception fault) when (Is(fault))
        {
            throw ToUnavailable(fault);
        }
    }

    public static async Task<T> GuardAsync<T>(Task<T> work)
    {
        try
        {
            return await work;
        }
        catch (Exception fault) when (Is(fault))
        {
            throw ToUnavailable(fault);
        }
    }
}
