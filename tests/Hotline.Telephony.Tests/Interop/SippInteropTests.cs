using Hotline.Telephony.Registrar;
using Hotline.Telephony.Tests.Edge;

namespace Hotline.Telephony.Tests.Interop;

/// <summary>The edge against sipp, an independent SIP implementation, over UDP and TCP.</summary>
[Collection(nameof(SippCollection))]
public sealed class SippInteropTests
{
    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Sipp_RegisterWithMd5Digest_Registered(string transport)
    {
        await using var host = await EdgeHost.StartAsync();
        var agents = SippRunner.WriteInjectionFile(("1001", "secret1001"));

        var result = await SippRunner.RunAsync(host.EndPoint, "register-digest.xml", transport, 1, "-inf", agents);

        Assert.True(result.ExitCode == 0, result.ToString());
        var contact = Assert.Single(host.Locator.GetContacts("1001"));
        Assert.Contains("transport=" + (transport == "u1" ? "UDP" : "TCP"), contact.ContactUri, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(RegistrationChangeKind.Registered, host.Changes.Single().Kind);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Sipp_RegisterWrongPassword_Fails()
    {
        await using var host = await EdgeHost.StartAsync();
        var agents = SippRunner.WriteInjectionFile(("1001", "not-the-password"));

        var result = await SippRunner.RunAsync(host.EndPoint, "register-digest.xml", "u1", 1, "-inf", agents, "-recv_timeout", "3s");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SIP/2.0 401 Unauthorized", result.Errors, StringComparison.Ordinal);
        Assert.Empty(host.Locator.GetContacts("1001"));
    }

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Sipp_OptionsPing_Answered200WithAllow(string transport)
    {
        await using var host = await EdgeHost.StartAsync();

        var result = await SippRunner.RunAsync(host.EndPoint, "options-ping.xml", transport, 3);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task Sipp_MalformedRequest_Answered400(string transport)
    {
        await using var host = await EdgeHost.StartAsync();

        var result = await SippRunner.RunAsync(host.EndPoint, "malformed.xml", transport, 1);

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}

[CollectionDefinition(nameof(SippCollection), DisableParallelization = true)]
public sealed class SippCollection;
