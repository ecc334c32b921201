using System.Collections.Concurrent;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media.Dtmf;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Tests.Calls;
using Hotline.Telephony.Tests.Edge;
using Hotline.Telephony.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>
/// The call path between two independent peers: sipp plays the carrier trunk's caller, baresip is agent
/// 1001's softphone. The edge runs IVR, queue, ringing, bridge, recording, survey and CDR in between.
/// </summary>
[Collection(nameof(BaresipCollection))]
public sealed class BaresipCallTests : IDisposable
{
    // No 7-bit payload type equals it: a tap given it for one side ignores that side.
    private const byte NoTelephoneEvents = 0xFF;

    private readonly ShortPrompts _prompts = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("hotline-baresip-");
    private readonly TestCertificate _certificate = new();

    public void Dispose()
    {
        _prompts.Dispose();
        _certificate.Dispose();
        _data.Delete(recursive: true);
    }

    /// <param name="transport">The phone's: over TCP and TLS the edge must ring it on the connection it registered on.</param>
    [BaresipTheory]
    [InlineData("udp")]
    [InlineData("tcp")]
    [InlineData("tls")]
    public async Task TrunkCall_BaresipAnswersKeysAndHangsUp_CallerRatesSatisfied(string transport)
    {
        await using var host = await StartEdgeAsync();
        await using var phone = await StartReadyAgentAsync(host, transport);

        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, WriteCallerScenario(), "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);
        await phone.WaitForEventAsync("CALL_INCOMING");
        await phone.AcceptAsync();
        await phone.WaitForEventAsync("CALL_ESTABLISHED");
        var relay = host.Edge.Calls!.Calls.Single().Relay;
        var agentKeys = new ConcurrentQueue<char>();
        relay.AddTap(new DtmfTap(NoTelephoneEvents, CallerMediaPcap.TelephoneEventPayloadType, (side, digit) => agentKeys.Enqueue(digit.Digit)));
        // Both directions cross the bridge: the caller's keys (and tone) reach the phone, the phone's tone the caller.
        var callerKey = await phone.WaitForEventAsync("CALL_DTMF_START");
        await WaitUntilAsync(() => relay.Caller.Forwarded > 25 && relay.Agent.Forwarded > 25, phone, "media both ways");
        await phone.SendDigitsAsync("5");
        await WaitUntilAsync(() => agentKeys.Contains('5'), phone, "the phone's key 5 as an RFC 4733 event at the edge");
        await phone.HangUpAsync();
        await phone.WaitForEventAsync("CALL_CLOSED");
        var result = await caller;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1", callerKey.Param);
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(CallDisposition.Answered, record.Disposition);
        Assert.Equal("1001", record.AnsweredBy);
        Assert.Equal(HangUpSide.Agent, record.HangUpSide);
        Assert.Equal(SurveyResult.Satisfied, record.Survey);
        Assert.Contains("key:1", record.IvrPath);
        var audio = StereoRecording.Read(record.RecordingPath!);
        Assert.True(audio.CallerSeconds > 0.5 && audio.AgentSeconds > 0.5, audio.ToString());
        Assert.InRange(audio.CallerHz, 850, 1150);
        Assert.InRange(audio.AgentHz, 370, 510);
        host.Logs.AssertNoErrors();
    }

    /// <param name="routeVia">
    /// Registrar:RouteVia. baresip sends rport, so auto rings it at the REGISTER's flow, as source does; contact
    /// rings it at its Contact (over TCP a new connection from the edge to the port baresip listens on).
    /// </param>
    [BaresipTheory]
    [InlineData("udp", "auto")]
    [InlineData("udp", "contact")]
    [InlineData("udp", "source")]
    [InlineData("tcp", "auto")]
    [InlineData("tcp", "contact")]
    [InlineData("tcp", "source")]
    public async Task TrunkCall_CallerHangsUpWhileTalking_BaresipGetsByeAndAgentWrapsUp(string transport, string routeVia)
    {
        await using var host = await StartEdgeAsync(("Ivr:Menu:Enabled", "false"), ("Registrar:RouteVia", routeVia));
        await using var phone = await StartReadyAgentAsync(host, transport);
        var contact = Assert.Single(host.Locator.GetContacts("1001"));
        if (routeVia == "contact")
        {
            var uri = Hotline.Telephony.Sip.Syntax.SipUri.Parse(contact.ContactUri);
            Assert.Equal($"{uri.Host}:{uri.Port}", contact.ReachVia.EndPoint.ToString());
            Assert.Null(contact.ReachVia.ConnectionId);
        }
        else if (transport == "tcp")
        {
            // The REGISTER's flow: the INVITE goes down the connection baresip registered over.
            Assert.NotNull(contact.ReachVia.ConnectionId);
        }

        // sipp's built-in caller: INVITE, ACK, BYE five seconds later (ample for the phone to answer on a loaded machine).
        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "5000");
        await phone.WaitForEventAsync("CALL_INCOMING");
        await phone.AcceptAsync();
        await phone.WaitForEventAsync("CALL_ESTABLISHED");
        var closed = await phone.WaitForEventAsync("CALL_CLOSED");
        var result = await caller;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, BaresipTrace.CountSentResponses(phone.Output, 200, "BYE"));
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal(HangUpSide.Caller, record.HangUpSide);
        Assert.Equal("1001", record.AnsweredBy);
        await WaitUntilAsync(() => StateOf(host, "1001") == AgentState.WrapUp, phone, "agent 1001 in WRAP_UP after " + closed);
        host.Logs.AssertNoErrors();
    }

    /// <summary>
    /// Hold from the phone (baresip's hold: a re-INVITE with a=sendonly) works as AgentDesk.Hold: the bridge
    /// stops and the caller hears music until the phone resumes (a=sendrecv).
    /// </summary>
    [BaresipFact]
    public async Task TrunkCall_BaresipHoldsThenResumes_CallerHearsMusicMeanwhile()
    {
        await using var host = await StartEdgeAsync(("Ivr:Menu:Enabled", "false"), ("Ivr:SurveyDigitTimeout", "00:00:01"));
        await using var phone = await StartReadyAgentAsync(host, "udp");

        // The caller stays until the edge hangs up: after the agent, the survey goes unanswered and ends the call.
        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "trunk-call-edge-hangs-up.xml", "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);
        await phone.WaitForEventAsync("CALL_INCOMING");
        await phone.AcceptAsync();
        await phone.WaitForEventAsync("CALL_ESTABLISHED");
        var relay = host.Edge.Calls!.Calls.Single().Relay;
        await WaitUntilAsync(() => relay.Caller.ForwardingEnabled, phone, "the bridge up after answer");
        await phone.CommandAsync("hold");
        await WaitUntilAsync(() => !relay.Caller.ForwardingEnabled, phone, "the bridge stopped by the phone's hold");
        var musicFrom = relay.Caller.Sent;
        await WaitUntilAsync(() => relay.Caller.Sent > musicFrom + 25, phone, "hold music to the caller");
        await phone.CommandAsync("resume");
        await WaitUntilAsync(() => relay.Caller.ForwardingEnabled && relay.Agent.ForwardingEnabled, phone, "the bridge back after resume");
        await phone.HangUpAsync();
        await phone.WaitForEventAsync("CALL_CLOSED");
        var result = await caller;

        Assert.True(result.ExitCode == 0, result.ToString());
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal("1001", record.AnsweredBy);
        host.Logs.AssertNoErrors();
    }

    /// <summary>
    /// SRTP from a phone's offer (RFC 4568 SDES over TLS, RTP/SAVP only): agent 1001 calls agent 1002's plain
    /// phone; the edge decrypts 1001's SRTP on its leg, so the recording holds 1001's 440 Hz tone, and
    /// encrypts what it relays back (baresip would drop plain or badly protected packets).
    /// </summary>
    [BaresipFact]
    public async Task AgentCall_PhoneOffersSrtpOverTls_RecordingHoldsItsDecryptedTone()
    {
        await using var host = await StartEdgeAsync();
        await using var callee = await StartReadyAgentAsync(host, new BaresipAccount("1002", "secret1002", host.EndPoint) { AnswerMode = "auto", ToneHz = 700 });
        await using var phone = await StartReadyAgentAsync(host, new BaresipAccount("1001", "secret1001", host.EndPoint) { Transport = "tls", MediaEncryption = "srtp-mand" });

        await phone.CommandAsync("dial", "sip:1002@hotline.local");
        await phone.WaitForEventAsync("CALL_ESTABLISHED");
        var relay = host.Edge.Calls!.Calls.Single().Relay;
        await WaitUntilAsync(() => relay.Caller.Forwarded > 100 && relay.Agent.Forwarded > 100, phone, "SRTP media both ways");
        await phone.HangUpAsync();
        await phone.WaitForEventAsync("CALL_CLOSED");

        Assert.True(relay.Caller.IsSecure);
        Assert.Equal(0, relay.Caller.AuthenticationFailures);
        Assert.Contains("RTP/SAVP", phone.Output, StringComparison.Ordinal);
        // baresip logs this once a packet from the edge passed its SRTP check: the relay encrypts the way back.
        Assert.Contains("incoming rtp for 'audio' established", phone.Output, StringComparison.Ordinal);
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        var audio = StereoRecording.Read(record.RecordingPath!);
        Assert.True(audio.CallerSeconds > 1 && audio.AgentSeconds > 1, audio.ToString());
        Assert.InRange(audio.CallerHz, 370, 510);
        Assert.InRange(audio.AgentHz, 600, 800);
        host.Logs.AssertNoErrors();
    }

    /// <summary>
    /// SRTP on the edge's own offer (Sip:OfferSrtp=tls, the default): a phone registered over TLS that accepts
    /// only RTP/SAVP is rung with an SDES key, answers with its own, and a trunk caller's 1 kHz tone and the
    /// phone's 440 Hz tone cross the relay both ways; the recording holds both, decrypted.
    /// </summary>
    [BaresipFact]
    public async Task TrunkCall_SrtpMandatoryPhoneOverTls_RungWithSavpAndRecordingHoldsDecryptedTones()
    {
        await using var host = await StartEdgeAsync(("Ivr:Menu:Enabled", "false"));
        await using var phone = await StartReadyAgentAsync(host, new BaresipAccount("1001", "secret1001", host.EndPoint) { Transport = "tls", MediaEncryption = "srtp-mand" });
        Assert.True(Assert.Single(host.Locator.GetContacts("1001")).RegisteredOverTls);

        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, WriteCallerScenario(), "u1", 1, "-s", "12345", "-mi", EdgeHost.TrunkAddress);
        await phone.WaitForEventAsync("CALL_INCOMING");
        await phone.AcceptAsync();
        await phone.WaitForEventAsync("CALL_ESTABLISHED");
        var relay = host.Edge.Calls!.Calls.Single().Relay;
        await WaitUntilAsync(() => relay.Caller.Forwarded > 100 && relay.Agent.Forwarded > 100, phone, "media both ways over the SRTP leg");
        await phone.HangUpAsync();
        await phone.WaitForEventAsync("CALL_CLOSED");
        await caller;

        Assert.True(relay.Agent.IsSecure);
        Assert.False(relay.Caller.IsSecure);
        Assert.Equal(0, relay.Agent.AuthenticationFailures);
        // The INVITE baresip received offered RTP/SAVP with our key, and our packets passed its SRTP check.
        Assert.Contains("RTP/SAVP", phone.Output, StringComparison.Ordinal);
        Assert.Contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:", phone.Output, StringComparison.Ordinal);
        Assert.Contains("incoming rtp for 'audio' established", phone.Output, StringComparison.Ordinal);
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Equal("1001", record.AnsweredBy);
        var audio = StereoRecording.Read(record.RecordingPath!);
        Assert.True(audio.CallerSeconds > 1 && audio.AgentSeconds > 1, audio.ToString());
        Assert.InRange(audio.CallerHz, 850, 1150);
        Assert.InRange(audio.AgentHz, 370, 510);
        host.Logs.AssertNoErrors();
    }

    /// <summary>
    /// Sip:OfferSrtp=never: the same phone refuses the plain offer (488), the ring fails as any refusal does and
    /// the caller waits on in the queue; nothing is bridged.
    /// </summary>
    [BaresipFact]
    public async Task TrunkCall_SrtpMandatoryPhoneButOfferSrtpNever_RingRefusedAndCallerStaysQueued()
    {
        await using var host = await StartEdgeAsync(("Ivr:Menu:Enabled", "false"), ("Sip:OfferSrtp", "never"));
        await using var phone = await StartReadyAgentAsync(host, new BaresipAccount("1001", "secret1001", host.EndPoint) { Transport = "tls", MediaEncryption = "srtp-mand", AnswerMode = "auto" });

        // The caller waits four seconds in the queue, then hangs up.
        var caller = SippRunner.RunFromAsync(EdgeHost.TrunkAddress, host.EndPoint, "builtin:uac", "u1", 1, "-s", "12345", "-d", "4000");
        await WaitUntilAsync(() => BaresipTrace.CountSentResponses(phone.Output, 488, "INVITE") >= 1, phone, "the phone's 488 to the plain offer");
        var result = await caller;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("CALL_ESTABLISHED", phone.Events.Select(e => e.Type));
        var record = await CallCenterQueueTests.WaitForRecordAsync(host);
        Assert.Null(record.AnsweredBy);
        Assert.Contains(record.Offers, o => o.AgentId == "1001" && o.Reason == OfferEndReason.Rejected);
    }

    private Task<EdgeHost> StartEdgeAsync(params (string Key, string Value)[] settings)
    {
        var extra = new Dictionary<string, string?>
        {
            ["Ivr:PromptDirectory"] = _prompts.Folder,
            ["Acd:ReadyOnRegister"] = "true",
            ["Media:DataDirectory"] = _data.FullName,
        };
        foreach (var (key, value) in _certificate.PfxSettings())
        {
            extra[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            extra[key] = value;
        }
        // baresip 1.0 registers only when every challenge is MD5 (see BaresipRegistrationTests).
        return EdgeHost.StartAsync("MD5", extra: extra);
    }

    private Task<BaresipPhone> StartReadyAgentAsync(EdgeHost host, string transport) =>
        StartReadyAgentAsync(host, new BaresipAccount("1001", "secret1001", host.EndPoint) { Transport = transport });

    private async Task<BaresipPhone> StartReadyAgentAsync(EdgeHost host, BaresipAccount account)
    {
        var edge = account.Transport == "tls" ? host.Edge.TlsEndPoint! : host.EndPoint;
        var phone = await BaresipPhone.StartAsync(account with { Edge = edge, TrustedCertificate = _certificate.PemPath });
        try
        {
            await phone.WaitForRegisteredAsync();
            await WaitUntilAsync(() => StateOf(host, account.AgentId) == AgentState.Ready, phone, $"agent {account.AgentId} READY");
            return phone;
        }
        catch
        {
            await phone.DisposeAsync();
            throw;
        }
    }

    private static AgentState? StateOf(EdgeHost host, string agentId) =>
        host.Services.GetRequiredService<ICallCenter>().ListAgents().FirstOrDefault(a => a.AgentId == agentId)?.State;

    /// <summary>The scenario beside its media, in this test's folder: sipp finds play_pcap_audio files next to the scenario.</summary>
    private string WriteCallerScenario()
    {
        var scenario = Path.Combine(_data.FullName, "trunk-call-survey.xml");
        File.Copy(SippRunner.ScenarioPath("trunk-call-survey.xml"), scenario);
        CallerMediaPcap.Write(Path.Combine(_data.FullName, "caller-presses-1.pcap"), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), '1');
        return scenario;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, BaresipPhone phone, string what)
    {
        // Polls a condition, not a timing assertion: the deadline only bounds a broken run.
        using var deadline = new CancellationTokenSource(BaresipPhone.Patience);
        while (!condition())
        {
            Assert.False(deadline.IsCancellationRequested, $"no {what}; baresip events: {string.Join(", ", phone.Events)}\n{phone.Output}");
            await Task.Delay(50);
        }
    }
}
