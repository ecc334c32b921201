using Hotline.Contracts.Security;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.EndToEnd;
using Hotline.Silo.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Knowledge;

/// <summary>One real host (demo organisation, demo knowledge base) shared by a test class, with a client and tokens.</summary>
public sealed class KnowledgeHostFixture : IAsyncLifetime
{
    private RunningHost? _host;
    private GrpcTestClient? _client;

    internal GrpcTestClient Client => _client!;

    internal RunningHost Host => _host!;

    public string AgentToken { get; private set; } = "";

    public string EditorToken { get; private set; } = "";

    public string DepartmentToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(loadDemo: true);
        _client = new GrpcTestClient(_host.GrpcBase);
        AgentToken = await TokenAsync(new Caller(CallerKind.Staff, "a1", StaffRole.Agent));
        EditorToken = await TokenAsync(new Caller(CallerKind.Staff, "editor-7", StaffRole.Editor));
        DepartmentToken = await TokenAsync(new Caller(CallerKind.Department, "scjg", StaffRole.None));
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A token issued by the host's own token store.</summary>
    public Task<string> TokenAsync(Caller caller) =>
        Host.App.Services.GetRequiredService<ITokenStore>().IssueAsync(caller, CancellationToken.None);
}
