using Hotline.Contracts.Security;
using Hotline.Silo.Tests.Hosting;

namespace Hotline.Silo.Tests.Knowledge;

/// <summary>One real host (demo organisation, demo knowledge base) shared by a test class, with a client and tokens.</summary>
public sealed class KnowledgeHostFixture : IAsyncLifetime
{
    private RunningHost? _host;
    private HostGrpcClient? _client;

    internal HostGrpcClient Client => _client!;

    internal RunningHost Host => _host!;

    public string AgentToken { get; private set; } = "";

    public string EditorToken { get; private set; } = "";

    public string DepartmentToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(loadDemo: true);
        _client = new HostGrpcClient(_host);
        AgentToken = await _client.TokenAsync("a1", StaffRole.Agent);
        EditorToken = await _client.TokenAsync("editor-7", StaffRole.Editor);
        DepartmentToken = await _client.DepartmentTokenAsync("scjg");
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
