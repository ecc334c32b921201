using System.Net;
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
        var app = HotlineHost.Build(args, loadDemo, configureServices);
        await app.StartAsync();
        return new RunningHost(app, dataDir);
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
