using Hotline.Contracts.Agents;
using Hotline.Contracts.Grains;
using Hotline.Silo.Agents;
using Hotline.Silo.Storage;
using Hotline.Silo.Tests.Cli;
using Hotline.Silo.Tests.Hosting;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Telephony;

/// <summary>
/// The whole path an operator uses: the real host with its SIP edge, an agent added through the CLI into the
/// host's store, a real SIP client (sipp) registering with digest authentication against it, and the call
/// centre's resulting state change kept by the agent grain in agent_state_changes.
/// </summary>
public sealed class HostAgentRegistrationTests : IAsyncLifetime
{
    private static readonly TimeSpan KeptWithin = TimeSpan.FromSeconds(20);

    private RunningHost _host = null!;

    public Task InitializeAsync() => StartAsync();

    private async Task StartAsync(params string[] settings)
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _host = await RunningHost.StartAsync(loadDemo: false, extraArgs: settings);
        var (code, _, error) = await CliTests.RunAsync(["agent", "add", "--id", "1001", "--password", "s3cret-pw", "--skills", "general:5", $"--DataDir={_host.DataDir}"]);
        Assert.True(code == 0, error);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Register_AgentAddedByCli_IsRegisteredInTheHost(string transport)
    {
        var agents = SippRunner.WriteInjectionFile(("1001", "s3cret-pw"));

        var result = await SippRunner.RunAsync(_host.SipEndPoint, "register-digest.xml", transport, 1, "-inf", agents);
        File.Delete(agents);

        Assert.True(result.ExitCode == 0, result.ToString());
        var contact = Assert.Single(_host.App.Services.GetRequiredService<IAgentLocator>().GetContacts("1001"));
        Assert.Contains("sip:1001@127.0.0.1", contact.ContactUri, StringComparison.Ordinal);
        var kept = await WaitForKeptChangeAsync("1001");
        Assert.Equal((AgentState.Offline, AgentState.NotReady), (kept.Change.From, kept.Change.To));
        Assert.Equal(1, kept.Seq);
        var agent = Assert.Single(_host.App.Services.GetRequiredService<ICallCenter>().ListAgents(), a => a.AgentId == "1001");
        Assert.Equal(new Dictionary<string, int> { ["general"] = 5 }, agent.Skills);
    }

    [Fact]
    public async Task Register_ReadyOnRegister_KeepsOfflineToReady()
    {
        await StartAsync("--Acd:ReadyOnRegister=true");
        var agents = SippRunner.WriteInjectionFile(("1001", "s3cret-pw"));

        var result = await SippRunner.RunAsync(_host.SipEndPoint, "register-digest.xml", "u1", 1, "-inf", agents);
        File.Delete(agents);

        Assert.True(result.ExitCode == 0, result.ToString());
        var kept = await WaitForKeptChangeAsync("1001");
        Assert.Equal((AgentState.Offline, AgentState.Ready), (kept.Change.From, kept.Change.To));
        Assert.Equal(AgentState.Ready, await _host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IAgentGrain>("1001").GetStateAsync());
    }

    [Fact]
    public async Task Register_WrongPassword_RefusedAndNotRegistered()
    {
        var agents = SippRunner.WriteInjectionFile(("1001", "not-the-password"));

        var result = await SippRunner.RunAsync(_host.SipEndPoint, "register-digest.xml", "u1", 1, "-inf", agents, "-recv_timeout", "3s");
        File.Delete(agents);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SIP/2.0 401 Unauthorized", result.Errors, StringComparison.Ordinal);
        Assert.Empty(_host.App.Services.GetRequiredService<IAgentLocator>().GetContacts("1001"));
    }

    [Fact]
    public async Task Register_AgentRemovedByCli_Refused()
    {
        var (code, _, error) = await CliTests.RunAsync(["agent", "remove", "--id", "1001", $"--DataDir={_host.DataDir}"]);
        Assert.True(code == 0, error);
        var agents = SippRunner.WriteInjectionFile(("1001", "s3cret-pw"));

        var result = await SippRunner.RunAsync(_host.SipEndPoint, "register-digest.xml", "u1", 1, "-inf", agents, "-recv_timeout", "3s");
        File.Delete(agents);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(_host.App.Services.GetRequiredService<IAgentLocator>().GetContacts("1001"));
    }

    /// <summary>The call centre hands state changes to the agent grain off its loop; wait until one is in agent_state_changes.</summary>
    private async Task<StoredAgentStateChange> WaitForKeptChangeAsync(string agentId)
    {
        var log = _host.App.Services.GetRequiredService<IAgentStateLog>();
        using var limit = new CancellationTokenSource(KeptWithin);
        while (true)
        {
            if (await log.ReadLatestAsync(agentId, limit.Token) is { } kept)
            {
                return kept;
            }

            await Task.Delay(50, limit.Token);
        }
    }
}
