using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Edge;
using Hotline.Telephony.Tests.Support;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>
/// A real softphone registering with the edge: digest auth, unregistration, OPTIONS keep-alives. The edge
/// challenges with MD5 only: baresip 1.0 (libre 1.1) gives up on a 401 that carries any non-MD5 challenge,
/// even beside an MD5 one, so phones of that age need Registrar:DigestAlgorithms=MD5.
/// </summary>
[Collection(nameof(BaresipCollection))]
public sealed class BaresipRegistrationTests
{
    private const string Md5Only = "MD5";

    [BaresipTheory]
    [InlineData("udp")]
    [InlineData("tcp")]
    [InlineData("tls")]
    public async Task Baresip_RegistersWithMd5Digest_ContactListed(string transport)
    {
        using var certificate = new TestCertificate();
        await using var host = await EdgeHost.StartAsync(Md5Only, extra: certificate.PemSettings());
        var edge = transport == "tls" ? host.Edge.TlsEndPoint! : host.EndPoint;
        await using var phone = await BaresipPhone.StartAsync(new BaresipAccount("1001", "secret1001", edge) { Transport = transport, TrustedCertificate = certificate.PemPath });

        await phone.WaitForRegisteredAsync();

        var contact = Assert.Single(host.Locator.GetContacts("1001"));
        Assert.StartsWith("sip:1001", contact.ContactUri, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", contact.ContactUri, StringComparison.Ordinal);
        Assert.Equal(Enum.Parse<SipTransportKind>(transport, ignoreCase: true), contact.ReachVia.Transport);
        Assert.Equal(transport == "tls", contact.RegisteredOverTls);
        Assert.Equal(RegistrationChangeKind.Registered, host.Changes.Single().Kind);
        host.Logs.AssertNoErrors();
    }

    [BaresipFact]
    public async Task Baresip_WrongPassword_RegistrationFails()
    {
        await using var host = await EdgeHost.StartAsync(Md5Only);
        await using var phone = await BaresipPhone.StartAsync(new BaresipAccount("1001", "not-the-password", host.EndPoint));

        var outcome = await phone.WaitForEventAsync("REGISTER_OK", "REGISTER_FAIL");

        Assert.Equal("REGISTER_FAIL", outcome.Type);
        Assert.Empty(host.Locator.GetContacts("1001"));
    }

    [BaresipFact]
    public async Task Baresip_Quits_ContactRemoved()
    {
        await using var host = await EdgeHost.StartAsync(Md5Only);
        await using var phone = await BaresipPhone.StartAsync(new BaresipAccount("1001", "secret1001", host.EndPoint));
        await phone.WaitForRegisteredAsync();

        await phone.QuitAsync();

        Assert.Empty(host.Locator.GetContacts("1001"));
        Assert.Equal([RegistrationChangeKind.Registered, RegistrationChangeKind.Unregistered], host.Changes.Select(c => c.Kind));
    }

    [BaresipFact]
    public async Task Baresip_OptionsProbes_Answered200AndContactKept()
    {
        var overrides = new Dictionary<string, string?> { ["Registrar:ProbeIntervalSeconds"] = "1" };
        await using var host = await EdgeHost.StartAsync(Md5Only, extra: overrides);
        await using var phone = await BaresipPhone.StartAsync(new BaresipAccount("1001", "secret1001", host.EndPoint));
        await phone.WaitForRegisteredAsync();

        await WaitUntilAsync(() => BaresipTrace.CountSentResponses(phone.Output, 200, "OPTIONS") >= 2, phone);

        Assert.Single(host.Locator.GetContacts("1001"));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("did not answer OPTIONS", StringComparison.Ordinal));
        host.Logs.AssertNoErrors();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, BaresipPhone phone)
    {
        // Polls a condition, not a timing assertion: the deadline only bounds a broken run.
        using var deadline = new CancellationTokenSource(BaresipPhone.Patience);
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, "condition not met in time; baresip output:\n" + phone.Output);
            await Task.Delay(100);
        }
    }
}

[CollectionDefinition(nameof(BaresipCollection), DisableParallelization = true)]
public sealed class BaresipCollection;
