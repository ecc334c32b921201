using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;
using Hotline.Telephony.Tests.Edge;

namespace Hotline.Telephony.Tests.Interop;

/// <summary>The edge calling out (OutboundLegService) to sipp playing an agent's phone, over the real transport.</summary>
[Collection(nameof(SippCollection))]
public sealed class SippOutboundLegTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("u1", SipTransportKind.Udp)]
    [InlineData("t1", SipTransportKind.Tcp)]
    public async Task Leg_PhoneAnswersAndPressesFive_AnsweredDigitThenOurByeAnswered(string transport, SipTransportKind kind)
    {
        await using var host = await EdgeHost.StartAsync();
        var port = FreePort(kind);
        var sipp = SippRunner.RunAsync(host.EndPoint, "agent-answers-info-bye.xml", transport, 1, "-p", port.ToString(CultureInfo.InvariantCulture), "-mp", FreePort(SipTransportKind.Udp).ToString(CultureInfo.InvariantCulture));
        var digit = new TaskCompletionSource<char>(TaskCreationOptions.RunContinuationsAsynchronously);
        await WaitForListenerAsync(kind, port, sipp);

        var leg = host.Edge.Legs!.Start(Request(port, kind));
        leg.Digit += (_, d) => digit.TrySetResult(d);
        var result = await WithSippAsync(leg.Completion, sipp);
        var pressed = await WithSippAsync(digit.Task, sipp);
        await leg.HangUpAsync("agent released").WaitAsync(Patience);
        var run = await sipp;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(OutboundLegOutcome.Answered, result.Outcome);
        Assert.Equal(8, result.Media!.PayloadType);
        Assert.Equal((byte?)101, result.Media.TelephoneEventPayloadType);
        Assert.Equal(IPAddress.Loopback, result.Media.RemoteRtp.Address);
        Assert.Equal('5', pressed);
        Assert.Empty(host.Edge.Legs.Legs);
        host.Logs.AssertNoErrors();
    }

    [Fact]
    public async Task Leg_PhoneBusy_Rejected486()
    {
        await using var host = await EdgeHost.StartAsync();
        var port = FreePort(SipTransportKind.Udp);
        var sipp = SippRunner.RunAsync(host.EndPoint, "agent-busy.xml", "u1", 1, "-p", port.ToString(CultureInfo.InvariantCulture), "-mp", FreePort(SipTransportKind.Udp).ToString(CultureInfo.InvariantCulture));
        await WaitForListenerAsync(SipTransportKind.Udp, port, sipp);

        var leg = host.Edge.Legs!.Start(Request(port, SipTransportKind.Udp));
        var result = await WithSippAsync(leg.Completion, sipp);
        var run = await sipp;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(OutboundLegOutcome.Rejected, result.Outcome);
        Assert.Equal(486, result.StatusCode);
        Assert.Empty(host.Edge.Legs.Legs);
        host.Logs.AssertNoErrors();
    }

    private static OutboundLegRequest Request(int port, SipTransportKind kind) => new(
        SipUri.Parse($"sip:1001@127.0.0.1:{port};transport={(kind == SipTransportKind.Tcp ? "tcp" : "udp")}"),
        new SipDestination(kind, new IPEndPoint(IPAddress.Loopback, port)),
        "13800138000",
        "Citizen",
        "sip:1001@hotline.local",
        new IPEndPoint(IPAddress.Loopback, 40000),
        TimeSpan.FromSeconds(15));

    /// <summary>Waits for the leg, failing with sipp's own report if sipp gives up first.</summary>
    private static async Task<T> WithSippAsync<T>(Task<T> task, Task<SippResult> sipp)
    {
        var first = await Task.WhenAny(task, sipp, Task.Delay(Patience));
        Assert.True(first == task, first == sipp ? "sipp ended first: " + sipp.Result : "timed out waiting for the leg");
        return await task;
    }

    /// <summary>
    /// TCP has no retransmission to cover a slow sipp start, so the INVITE waits until the kernel shows sipp's
    /// socket bound (/proc/net/tcp LISTEN, or /proc/net/udp); a probe connection would disturb sipp's scenario.
    /// </summary>
    private static async Task WaitForListenerAsync(SipTransportKind kind, int port, Task<SippResult> sipp)
    {
        var table = kind == SipTransportKind.Tcp ? "/proc/net/tcp" : "/proc/net/udp";
        var local = "0100007F:" + port.ToString("X4", CultureInfo.InvariantCulture);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!File.ReadLines(table).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(f => f[1] == local && (kind == SipTransportKind.Udp || f[3] == "0A")))
        {
            Assert.False(sipp.IsCompleted, "sipp ended before listening: " + (sipp.IsCompleted ? sipp.Result.ToString() : string.Empty));
            Assert.True(watch.Elapsed < Patience, $"sipp never bound {table} port {port}");
            await Task.Delay(20);
        }
    }

    /// <summary>A port the kernel just handed out; sipp binds it a moment later (UDP retransmission covers a slow start).</summary>
    private static int FreePort(SipTransportKind kind)
    {
        using var socket = kind == SipTransportKind.Tcp
            ? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
