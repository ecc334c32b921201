using Hotline.Silo.Tests.Cli;
using Hotline.Silo.Tests.Hosting;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Tests.Interop;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Silo.Tests.Telephony;

/// <summary>
/// The whole path an operator uses: the real host with its SIP edge, an agent added through the CLI into the
/// host's store, and a real SIP client (sipp) registering with digest authentication against it.
/// </summary>
public sealed class HostAgentRegistrationTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync(loadDemo: false);
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
}
