using Hotline.Telephony.Registrar;

namespace Hotline.Telephony.Tests.Registrar;

public sealed class SipRegistrarAuthTests
{
    [Fact]
    public async Task Register_NoCredentials_ChallengedWithMd5ThenSha256SharingNonce()
    {
        var h = new RegistrarHarness();

        var response = await h.SendAsync(RegistrarHarness.Register("1001"));

        Assert.Equal(401, response.StatusCode);
        var challenges = response.Headers.GetLines("WWW-Authenticate").ToList();
        Assert.Equal(2, challenges.Count);
        Assert.Equal("MD5", DigestClient.Param(challenges[0], "algorithm"));
        Assert.Equal("SHA-256", DigestClient.Param(challenges[1], "algorithm"));
        Assert.Equal(DigestClient.Param(challenges[0], "nonce"), DigestClient.Param(challenges[1], "nonce"));
        Assert.Equal("auth", DigestClient.Param(challenges[0], "qop"));
        Assert.Equal(RegistrarHarness.Domain, DigestClient.Param(challenges[0], "realm"));
        Assert.Empty(h.Changes);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task Register_CorrectDigest_Bound(string algorithm)
    {
        var h = new RegistrarHarness();

        var response = await h.RegisterAsync("1001", "secret1001", algorithm);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("<sip:1001@192.0.2.20:5062>;expires=600", response.Headers["Contact"]);
        Assert.NotNull(response.Headers["Date"]);
        var change = Assert.Single(h.Changes);
        Assert.Equal(RegistrationChangeKind.Registered, change.Kind);
        Assert.Equal(CapturingServerTransaction.Phone, change.Contacts[0].ReachVia.EndPoint);
    }

    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task Register_StoredHa1Only_Bound(string algorithm)
    {
        var h = new RegistrarHarness();

        var response = await h.RegisterAsync("1002", "pw1002", algorithm);

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Register_OnlySha256Configured_Md5Refused()
    {
        var h = new RegistrarHarness(new RegistrarOptions { DigestAlgorithms = "SHA-256" });
        var challenge = (await h.SendAsync(RegistrarHarness.Register("1001"))).Headers["WWW-Authenticate"]!;
        var md5 = challenge.Replace("algorithm=SHA-256", "algorithm=MD5", StringComparison.Ordinal);
        var authorization = DigestClient.Authorization(md5, "1001", "secret1001", "REGISTER", "sip:" + RegistrarHarness.Domain);

        var response = await h.SendAsync(RegistrarHarness.Register("1001", authorization, cseq: 2));

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task Register_WrongPassword_ChallengedAgain()
    {
        var h = new RegistrarHarness();

        var response = await h.RegisterAsync("1001", "guess");

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(h.Changes);
    }

    [Fact]
    public async Task Register_UnknownAgent_ChallengedLikeWrongPassword()
    {
        var h = new RegistrarHarness();

        var response = await h.RegisterAsync("9999", "anything");

        Assert.Equal(401, response.StatusCode);
    }

    [Fact]
    public async Task Register_CredentialsOfAnotherAgent_Forbidden()
    {
        var h = new RegistrarHarness();
        var challenge = RegistrarHarness.Challenge(await h.SendAsync(RegistrarHarness.Register("1002")), "MD5");
        var authorization = DigestClient.Authorization(challenge, "1001", "secret1001", "REGISTER", "sip:" + RegistrarHarness.Domain);

        var response = await h.SendAsync(RegistrarHarness.Register("1002", authorization, cseq: 2));

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task Register_ReplayedNonceCount_RefusedButHigherCountAccepted()
    {
        var h = new RegistrarHarness();
        var challenge = RegistrarHarness.Challenge(await h.SendAsync(RegistrarHarness.Register("1001")), "MD5");
        var uri = "sip:" + RegistrarHarness.Domain;
        var first = DigestClient.Authorization(challenge, "1001", "secret1001", "REGISTER", uri, nc: 1);

        Assert.Equal(200, (await h.SendAsync(RegistrarHarness.Register("1001", first, cseq: 2))).StatusCode);
        Assert.Equal(401, (await h.SendAsync(RegistrarHarness.Register("1001", first, cseq: 3))).StatusCode);
        var second = DigestClient.Authorization(challenge, "1001", "secret1001", "REGISTER", uri, nc: 2);
        Assert.Equal(200, (await h.SendAsync(RegistrarHarness.Register("1001", second, cseq: 4))).StatusCode);
    }

    [Fact]
    public async Task Register_NonceOlderThanLifetime_ChallengedStale()
    {
        var h = new RegistrarHarness();
        var challenge = RegistrarHarness.Challenge(await h.SendAsync(RegistrarHarness.Register("1001")), "SHA-256");
        h.Time.Advance(TimeSpan.FromSeconds(301));
        var authorization = DigestClient.Authorization(challenge, "1001", "secret1001", "REGISTER", "sip:" + RegistrarHarness.Domain);

        var response = await h.SendAsync(RegistrarHarness.Register("1001", authorization, cseq: 2));

        Assert.Equal(401, response.StatusCode);
        Assert.All(response.Headers.GetLines("WWW-Authenticate"), c => Assert.Contains("stale=true", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_ForgedNonce_ChallengedNotStale()
    {
        var h = new RegistrarHarness();
        var challenge = RegistrarHarness.Challenge(await h.SendAsync(RegistrarHarness.Register("1001")), "MD5");
        var nonce = DigestClient.Param(challenge, "nonce");
        var forged = challenge.Replace(nonce, "A" + nonce[1..], StringComparison.Ordinal);
        var authorization = DigestClient.Authorization(forged, "1001", "secret1001", "REGISTER", "sip:" + RegistrarHarness.Domain);

        var response = await h.SendAsync(RegistrarHarness.Register("1001", authorization, cseq: 2));

        Assert.Equal(401, response.StatusCode);
        Assert.DoesNotContain("stale", response.Headers["WWW-Authenticate"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_DigestUriForOtherTarget_Refused()
    {
        var h = new RegistrarHarness();
        var challenge = RegistrarHarness.Challenge(await h.SendAsync(RegistrarHarness.Register("1001")), "MD5");
        var authorization = DigestClient.Authorization(challenge, "1001", "secret1001", "REGISTER", "sip:elsewhere.example");

        var response = await h.SendAsync(RegistrarHarness.Register("1001", authorization, cseq: 2));

        Assert.Equal(401, response.StatusCode);
    }
}
