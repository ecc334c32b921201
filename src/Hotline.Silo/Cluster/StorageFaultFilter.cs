using System.Data.Common;
using Hotline.Contracts.Storage;

namespace Hotline.Silo.Cluster;

/// <summary>
/// Turns a storage fault inside any grain call into <see cref="StorageUnavailableException"/>, so a caller on
/// another host of the cluster learns "retry later" (UNAVAILABLE) instead of a serialization failure: database
/// drivers' exceptions have no Orleans codec and would arrive as an unknown fault.
/// </summary>
internal sealed class StorageFaultFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception fault) when (fault is DbException or IOException or TimeoutException)
        {
            throw new StorageUnavailableException($"Storage is unavailable; retry later. ({Describe(fault)})") { Cause = Describe(fault) };
        }
    }

    private static string Describe(Exception fault) =>
        fault is DbException { SqlState: { } state } ? $"{fault.GetType().Name} {state}" : fault.GetType().Name;
}
