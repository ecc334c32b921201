namespace Hotline.Silo.Tests.Hosting;

/// <summary>A test grain whose turn can be held open, to watch what host shutdown waits for.</summary>
public interface IShutdownProbeGrain : IGrainWithStringKey
{
    /// <summary>Runs until the probe's gate opens.</summary>
    Task HoldAsync();

    Task<int> IncrementAsync();
}
