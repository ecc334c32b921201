namespace Hotline.Load.Grpc;

/// <summary>One client's measurements (no locking: each client owns its tally): OK latencies and failures per step.</summary>
internal sealed class ClientTally
{
    public ClientTally()
    {
        Latencies = Enum.GetValues<LifecycleStep>().Select(_ => new LatencyRecorder()).ToArray();
    }

    /// <summary>Latencies of OK calls, indexed by <see cref="LifecycleStep"/>.</summary>
    public LatencyRecorder[] Latencies { get; }

    /// <summary>Failed calls by step and status code.</summary>
    public Dictionary<(LifecycleStep Step, int Code), long> Failures { get; } = [];

    public void Failed(LifecycleStep step, int code) =>
        Failures[(step, code)] = Failures.GetValueOrDefault((step, code)) + 1;
}
