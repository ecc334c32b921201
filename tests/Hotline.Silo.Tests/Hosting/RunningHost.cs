using System.Net;
using System.Net.Sockets;
using Hotline.Silo.Hosting;
using Hotline.Telephony.Edge;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Hosting;

/// <summary>The real server, started in-process on free loopback ports with a temporary data directory.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app, string dataDir)
    {
        App = app;
        DataDir = dataDir;
        Ports = app.Services.GetRequiredService<ListenerPorts>();
    }

    public WebApplication App { get; }

    public string DataDir { get; }

    public ListenerPorts Ports { get; }

    public Uri HttpBase => new($"http://127.0.0.1:{Ports.HttpPort}");

    public Uri GrpcBase => new($"http://127.0.0.1:{Ports.GrpcPort}");

    /// <summary>Where the SIP edge listens (UDP and TCP); Sip:Port=0 lets the OS pick the port.</summary>
    public IPEndPoint SipEndPoint => App.Services.GetRequiredService<SipEdge>().LocalEndPoint
        ?? throw new InvalidOperationException("the SIP edge has not started");

    public static async Task<RunningHost> StartAsync(bool loadDemo = true, string? dataDir = null, Action<IServiceCollection>? configureServices = null, string[]? extraArgs = null)
    {
        dataDir ??= NewDataDir();
        string[] args = ["--Http:Port=0", "--Grpc:Port=0", "--Sip:Port=0", "--Cluster:SiloPort=0", "--Cluster:GatewayPort=0", $"--DataDir={dataDir}", "--Logging:LogLevel:Default=Warning", .. extraArgs ?? []];
        // The Orleans ports given as 0 are picked by probing for a free port before Orleans binds it, so a
        // test running in parallel can take it in between; such a start fails at once and is tried again.
        for (var attempt = 1; ; attempt++)
        {
            var app = HotlineHost.Build(args, loadDemo, configureServices);
            try
            {
                await app.StartAsync();
                return new RunningHost(app, dataDir);
            }
            catch (Exception failure) when (attempt < 4 && IsAddressInUse(failure))
            {
                await app.DisposeAsync();
            }
        }
    }

    private static bool IsAddressInUse(Exception failure)
    {
        for (Exception? cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (cause is Microsoft.AspNetCore.Connections.AddressInUseException
                || cause is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "hotline-host-" + Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A store may still hold a file for a moment; the temp folder is reclaimed by the OS.
        }
    }
}
