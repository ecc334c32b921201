using Hotline.Telephony.Registrar;

namespace Hotline.Telephony.Tests.Registrar;

public sealed class SipRegistrarBindingTests
{
    [Fact]
    public async Task Register_ExpiresBelowMinimum_423WithMinExpires()
    {
        var h = new RegistrarHarness();

        var response = await h.RegisterAsync("1001", "secret1001", expires: "30");

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers["Min-Expires"]);
    }

    [Fact]
    public async Task Register_ExpiresAboveMaximum_Capped()
    {
        var h = new RegistrarHarness();

        var response = await h.RegisterAsync("1001", "secret1001", expires: "99999999999999999999");

        Assert.Equal("<sip:1001@192.0.2.20:5062>;expires=3600", response.Headers["Contact"]);
    }

    [Fact]
    public async Task Register_NotRefreshed_LapsesAtExpiryAndReportsLapsed()
    {
        var h = new RegistrarHarness();
        await h.RegisterAsync("1001", "secret1001", expires: "120");

        h.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(h.Table.GetContacts("1001"));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(h.Table.GetContacts("1001"));
        Assert.Equal(RegistrationChangeKind.Lapsed, h.Changes[^1].Kind);
        Assert.False(h.Changes[^1].IsReachable);
    }

    [Fact]
    public async Task Register_Refreshed_KeepsBindingPastFirstExpiry()
    {
        var h = new RegistrarHarness();
        await h.RegisterAsync("1001", "secret1001", expires: "120");
        h.Time.Advance(TimeSpan.FromSeconds(100));

        await h.RegisterAsync("1001", "secret1001", expires: "120");
        h.Time.Advance(TimeSpan.FromSeconds(100));

        Assert.Single(h.Table.GetContacts("1001"));
        Assert.Equal([RegistrationChangeKind.Registered, RegistrationChangeKind.ContactsChanged], h.Changes.Select(c => c.Kind));
        h.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(RegistrationChangeKind.Lapsed, h.Changes[^1].Kind);
    }

    [Fact]
    public async Task Register_ExpiresZero_Unregistered()
    {
        var h = new RegistrarHarness();
        await h.RegisterAsync("1001", "secret1001");

        var response = await h.RegisterAsync("1001", "secret1001", expires: "0");

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Headers["Contact"]);
        Assert.Equal(RegistrationChangeKind.Unregistered, h.Changes[^1].Kind);
    }

    [Fact]
    public async Task Register_WildcardWithExpiresZero_RemovesEveryContact()
    {
        var h = new RegistrarHarness();
        await h.RegisterAsync("1001", "secret1001", contact: "<sip:{0}@192.0.2.20:5062>, <sip:{0}@192.0.2.21:5062>;expires=900");
        Assert.Equal(2, h.Table.GetContacts("1001").Count);

        var response = await h.RegisterAsync("1001", "secret1001", contact: "*", expires: "0");

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(h.Table.GetContacts("1001"));
    }

    [Fact]
    public async Task Register_WildcardWithoutExpiresZero_400()
    {
        var h = new RegistrarHarness();

        var response = await h.RegisterAsync("1001", "secret1001", contact: "*", expires: "600");

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task Register_SeveralContacts_AllListedWithOwnExpiry()
    {
        var h = new RegistrarHarness();

        var response = await h.RegisterAsync("1001", "secret1001", contact: "<sip:{0}@192.0.2.20:5062>, <sip:{0}@192.0.2.21:5062>;expires=900");

        Assert.Equal(["<sip:1001@192.0.2.20:5062>;expires=600", "<sip:1001@192.0.2.21:5062>;expires=900"], response.Headers.GetLines("Contact"));
    }

    [Fact]
    public async Task Register_MoreContactsThanAllowed_403()
    {
        var h = new RegistrarHarness(new RegistrarOptions { MaxContactsPerAgent = 1 });

        var response = await h.RegisterAsync("1001", "secret1001", contact: "<sip:{0}@192.0.2.20:5062>, <sip:{0}@192.0.2.21:5062>");

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(h.Table.GetContacts("1001"));
    }

    [Fact]
    public async Task Register_NoContact_QueryReturnsBindings()
    {
        var h = new RegistrarHarness();
        await h.RegisterAsync("1001", "secret1001");

        var response = await h.RegisterAsync("1001", "secret1001", contact: "", expires: null);

        Assert.Equal(200, response.StatusCode);
        Assert.Single(response.Headers.GetLines("Contact"));
    }

    [Fact]
    public async Task Register_OlderCSeqOnSameCallId_RefusedOutOfOrder()
    {
        var h = new RegistrarHarness();
        await h.RegisterAsync("1001", "secret1001");
        var challenge = RegistrarHarness.Challenge(await h.SendAsync(RegistrarHarness.Register("1001", cseq: 100)), "MD5");
        var authorization = DigestClient.Authorization(challenge, "1001", "secret1001", "REGISTER", "sip:" + RegistrarHarness.Domain);

        var response = await h.SendAsync(RegistrarHarness.Register("1001", authorization, cseq: 1));

        Assert.Equal(500, response.StatusCode);
    }

    [Fact]
    public async Task Register_OtherDomain_404()
    {
        var h = new RegistrarHarness();
        var request = RegistrarHarness.Register("1001");
        var foreign = request.WithHeader("To", "<sip:1001@elsewhere.example>");

        var response = await h.SendAsync(foreign);

        Assert.Equal(404, response.StatusCode);
    }
}
