using System.Diagnostics;
using Hotline.Telephony.Tests.Sip.Syntax;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>Malformed traffic at the running edge over real sockets: answered 400, logged quietly, and counted toward a ban.</summary>
public sealed class SipEdgeMalformedTests
{
    private const string RejectedLog = "Rejected message from";

    [Fact]
    public async Task TruncatedSipVersion_OverUdp_Answered400()
    {
        await using var host = await EdgeHost.StartAsync(minimumLevel: LogLevel.Debug);
        using var peer = new UdpPeer(host.EndPoint);

        var response = await peer.RequestAsync(peer.Request("OPTIONS", "sip:127.0.0.1").Replace("SIP/2.0\n", "SI\n", StringComparison.Ordinal));

        Assert.Equal(400, response.StatusCode);
        host.Logs.AssertNoErrors();
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Debug && e.Message.StartsWith(RejectedLog, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TruncatedSipVersion_OverTcp_Answered400AndClosed()
    {
        await using var host = await EdgeHost.StartAsync();
        using var peer = await TcpPeer.ConnectAsync(host.EndPoint);

        await peer.SendAsync(peer.Request("OPTIONS", "sip:127.0.0.1").Replace("SIP/2.0\n", "SI\n", StringComparison.Ordinal));

        Assert.StartsWith("SIP/2.0 400 ", await peer.ReceiveAsync(), StringComparison.Ordinal);
        Assert.True(await peer.IsClosedByEdgeAsync(TimeSpan.FromSeconds(10)));
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task TruncatedSipVersion_FiveThousandDatagrams_SourceBannedTrunkServedLogBounded()
    {
        var extra = new Dictionary<string, string?> { ["Sip:BanAfterFailures"] = "20" };
        await using var host = await EdgeHost.StartAsync(extra: extra, minimumLevel: LogLevel.Debug);
        using var scanner = new UdpPeer(host.EndPoint);
        using var trunk = new UdpPeer(host.EndPoint, EdgeHost.TrunkAddress);
        var truncated = SipText.Wire(scanner.Request("OPTIONS", "sip:127.0.0.1").Replace("SIP/2.0\n", "SI\n", StringComparison.Ordinal));

        for (var i = 0; i < 5000; i++)
        {
            await scanner.SendAsync(truncated);
        }
        await Task.Delay(500); // let the receive loops drain the socket buffer

        await scanner.SendAsync(scanner.Request("OPTIONS", "sip:12345@hotline.local"));
        var answers = 0;
        try
        {
            while (true)
            {
                var answer = await scanner.ReceiveAsync();
                Assert.Equal(400, answer?.StatusCode);
                answers++;
            }
        }
        catch (TimeoutException)
        {
            // Banned: nothing more, not even an answer to the clean OPTIONS.
        }
        Assert.InRange(answers, 20, 20 + Environment.ProcessorCount); // receive loops may pass the check together

        Assert.Equal(200, (await trunk.RequestAsync(trunk.Request("OPTIONS", "sip:12345@hotline.local"))).StatusCode);
        Assert.True(host.Logs.Entries.Count(e => e.Message.StartsWith(RejectedLog, StringComparison.Ordinal)) <= 20 + Environment.ProcessorCount);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task MalformedFlood_WithoutBans_LogThrottledPerSecond()
    {
        var extra = new Dictionary<string, string?> { ["Sip:BanAfterFailures"] = "0" };
        await using var host = await EdgeHost.StartAsync(extra: extra, minimumLevel: LogLevel.Debug);
        using var peer = new UdpPeer(host.EndPoint);
        var truncated = SipText.Wire(peer.Request("OPTIONS", "sip:127.0.0.1").Replace("SIP/2.0\n", "SIP/2.\n", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 3000; i++)
        {
            await peer.SendAsync(truncated);
        }
        var probe = await peer.RequestAsync(peer.Request("OPTIONS", "sip:12345@hotline.local", callId: "probe"));
        var seconds = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);

        Assert.Equal(200, probe.StatusCode);
        var logged = host.Logs.Entries.Count(e => e.Message.StartsWith(RejectedLog, StringComparison.Ordinal));
        Assert.InRange(logged, 1, 10 * (seconds + 1));
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task GrammarCutsAndPerturbations_AtRunningEdge_AnsweredOrDroppedNeverAnError()
    {
        var extra = new Dictionary<string, string?> { ["Sip:BanAfterFailures"] = "0" };
        await using var host = await EdgeHost.StartAsync(extra: extra);
        using var peer = new UdpPeer(host.EndPoint);
        var random = new Random(8760);
        var generator = new SipGrammarGenerator(random, peer.LocalEndPoint.ToString());
        var sent = 0;

        foreach (var method in new[] { "OPTIONS", "REGISTER", "BYE", "INFO", "MESSAGE", "SUBSCRIBE" })
        {
            for (var round = 0; round < 40; round++)
            {
                var generated = generator.Request(method, "hotline.local");
                for (var line = 0; line < generated.Lines.Count; line++)
                {
                    var cut = random.Next(generated.Lines[line].Tokens.Count);
                    await peer.SendAsync(generated.WithCut(line, cut));
                    sent++;
                }
                await peer.SendAsync(generated.WithInsert(0, random.Next(generated.Lines[0].Tokens.Count), "\r\n"));
            }
            var probe = await peer.RequestAsync(peer.Request("OPTIONS", "sip:12345@hotline.local", callId: "probe-" + method));
            Assert.Equal(200, probe.StatusCode);
        }

        Assert.True(sent > 1000, $"sent {sent}");
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task EveryStartLineCut_AtRunningEdge_Answered400()
    {
        await using var host = await EdgeHost.StartAsync(extra: new Dictionary<string, string?> { ["Sip:BanAfterFailures"] = "0" });
        using var peer = new UdpPeer(host.EndPoint);
        var generated = new SipGrammarGenerator(new Random(1), peer.LocalEndPoint.ToString()).Request("OPTIONS", "hotline.local");
        var startLine = generated.Lines[0];

        for (var tokens = 1; tokens < startLine.Tokens.Count; tokens++)
        {
            var callId = $"cut-{tokens}";
            var bytes = System.Text.Encoding.UTF8.GetString(generated.WithCut(0, tokens));
            var text = System.Text.RegularExpressions.Regex.Replace(bytes, "(?m)^(Call-ID|i|CALL-ID): .*\r$", $"Call-ID: {callId}\r");
            await peer.SendAsync(System.Text.Encoding.UTF8.GetBytes(text));
            var answer = await peer.ReceiveAsync();

            Assert.True(answer is { StatusCode: 400 } && answer.CallId == callId, $"'{startLine.Value(tokens)}' answered {answer?.StatusCode}");
        }
        host.Logs.AssertNoErrors();
    }
}
