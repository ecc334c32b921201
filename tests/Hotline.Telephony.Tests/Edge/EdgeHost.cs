using System.Net;
using Hotline.Telephony.Edge;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>The edge started in-process the way the host starts it: AddHotlineTelephony plus configuration, on a free loopback port.</summary>
internal sealed class EdgeHost : IAsyncDisposable
{
    public const string TrunkAddress = "127.0.0.2";

    private readonly ServiceProvider _provider;

    private EdgeHost(ServiceProvider provider, RecordingLoggerProvider logs)
    {
        _provider = provider;
        Logs = logs;
        Edge = provider.GetRequiredService<SipEdge>();
    }

    public SipEdge Edge { get; }

    public RecordingLoggerProvider Logs { get; }

    public IPEndPoint EndPoint => Edge.LocalEndPoint!;

    public IAgentLocator Locator => _provider.GetRequiredService<IAgentLocator>();

    public List<AgentRegistrationChange> Changes { get; } = [];

    public IServiceProvider Services => _provider;

    public static async Task<EdgeHost> StartAsync(string algorithms = "MD5,SHA-256", int agentCount = 2, IReadOnlyDictionary<string, string?>? extra = null, LogLevel minimumLevel = LogLevel.Information)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sip:Port"] = "0",
            ["Sip:Bind"] = "127.0.0.1",
            ["Sip:Domain"] = "hotline.local",
            ["Sip:Trunks:0:Name"] = "carrier",
            ["Sip:Trunks:0:Address"] = TrunkAddress,
            ["Registrar:DigestAlgorithms"] = algorithms,
        };
        for (var i = 0; i < agentCount; i++)
        {
            settings[$"Registrar:Agents:{i}:AgentId"] = (1001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[$"Registrar:Agents:{i}:Password"] = "secret" + (1001 + i);
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new RecordingLoggerProvider();
        var listener = new ChangeRecorder();
        var services = new ServiceCollection()
            .AddLogging(builder => builder.SetMinimumLevel(minimumLevel).AddProvider(logs))
            .AddSingleton<IAgentRegistrationListener>(listener)
            .AddHotlineTelephony(configuration);
        var host = new EdgeHost(services.BuildServiceProvider(), logs);
        listener.Target = host.Changes;
        await host.Edge.StartAsync(CancellationToken.None);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Edge.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }

    private sealed class ChangeRecorder : IAgentRegistrationListener
    {
        public List<AgentRegistrationChange>? Target { get; set; }

        public void OnRegistrationChanged(AgentRegistrationChange change)
        {
            lock (this)
            {
                Target?.Add(change);
            }
        }
    }
}
