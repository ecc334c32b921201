using Hotline.Contracts.Wallboard;

namespace Hotline.Contracts.Grains;

/// <summary>
/// The cluster's wallboard (one activation, key "cluster"): each host publishes its call center's agents and queues
/// on every change and as a heartbeat; every host's wallboard reads all of them. Held in memory: a host whose report
/// is older than the grain's host timeout is dropped (it stopped or died), and after the grain moves to another silo
/// the hosts' next heartbeats fill it again.
/// </summary>
public interface IWallboardGrain : IGrainWithStringKey
{
    /// <summary>Replaces the host's report (and keeps it alive).</summary>
    Task PublishAsync(WallboardHostReport report);

    /// <summary>
    /// The board as soon as its version is past <paramref name="afterVersion"/>, or as it is after <paramref name="wait"/>
    /// (a long poll: one per host, not per browser).
    /// </summary>
    Task<WallboardBoard> WaitAsync(long afterVersion, TimeSpan wait);
}
