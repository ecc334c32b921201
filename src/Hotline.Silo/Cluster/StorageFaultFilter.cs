namespace Hotline.Silo.Cluster;

/// <summary>
/// Turns a storage fault inside any grain call into <see cref="Hotline.Contracts.Storage.StorageUnavailableException"/>
/// (<see cref="StorageFaults"/>), so a caller on another host of the cluster learns "retry later" (UNAVAILABLE)
/// instead of a serialization failure.
/// </summary>
internal sealed class StorageFaultFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context) => StorageFaults.GuardAsync(context.Invoke());
}
