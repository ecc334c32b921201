using System.Diagnostics;

namespace Hotline.Load.Grpc;

/// <summary>
/// CPU time used by the benchmark itself and by the server process during the measured window. On a
/// shared machine throughput depends on what else runs; CPU time per transition does much less, so
/// it is what shows whether a server change made the work cheaper.
/// </summary>
internal sealed class CpuMeter(int? serverPid)
{
    private TimeSpan _clientStart;
    private TimeSpan? _serverStart;

    public TimeSpan Client { get; private set; }

    public TimeSpan? Server { get; private set; }

    public void Start()
    {
        _clientStart = Process.GetCurrentProcess().TotalProcessorTime;
        _serverStart = ServerTime();
    }

    public void Stop()
    {
        Client = Process.GetCurrentProcess().TotalProcessorTime - _clientStart;
        Server = ServerTime() - _serverStart;
    }

    private TimeSpan? ServerTime()
    {
        if (serverPid is not { } pid)
        {
            return null;
        }

        try
        {
            using var server = Process.GetProcessById(pid);
            return server.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
