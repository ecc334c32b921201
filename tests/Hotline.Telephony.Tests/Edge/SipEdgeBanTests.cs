using Hotline.Telephony.Tests.Registrar;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>A scanner guessing agent ids is banned; the trunk carrying real callers is never held back.</summary>
public sealed class SipEdgeBanTests
{
    [Fact]
    public async Task Register_WrongPasswordsRepeatedly_SourceBannedWhileTrunkStillServed()
    {
        await using var host = await EdgeHost.StartAsync(extra: new Dictionary<string, string?> { ["Sip:BanAfterFailures"] = "3" });
        using var scanner = new UdpPeer(host.EndPoint);
        using var trunk = new UdpPeer(host.EndPoint, EdgeHost.TrunkAddress);

        const string Uri = "sip:1001@hotline.local";
        for (var guess = 0; guess < 3; guess++)
        {
            var challenge = await scanner.RequestAsync(scanner.Request("REGISTER", Uri, "Contact: <sip:x@127.0.0.1:5999>\r\n"));
            Assert.Equal(401, challenge.StatusCode); // the first step of digest is never a strike
            var authorization = DigestClient.Authorization(challenge.Headers["WWW-Authenticate"]!, "1001", "guess" + guess, "REGISTER", Uri);
            var refused = await scanner.RequestAsync(scanner.Request("REGISTER", Uri, $"Contact: <sip:x@127.0.0.1:5999>\r\nAuthorization: {authorization}\r\n"));
            Assert.Equal(401, refused.StatusCode); // a wrong password is challenged again, like an unknown user
        }

        await scanner.SendAsync(scanner.Request("OPTIONS", "sip:12345@hotline.local"));
        await Assert.ThrowsAsync<TimeoutException>(scanner.ReceiveRawAsync);
        var answered = await trunk.RequestAsync(trunk.Request("OPTIONS", "sip:12345@hotline.local"));
        Assert.Equal(200, answered.StatusCode);
    }
}
