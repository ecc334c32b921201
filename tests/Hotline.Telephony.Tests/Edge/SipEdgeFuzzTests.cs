using System.Net.Sockets;
using Hotline.Telephony.Tests.Sip.Syntax;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>
/// Thousands of mutated datagrams at the running edge: each is answered 4xx/5xx or dropped, and the edge keeps serving.
/// Runs alone: the heap it measures is the whole process's.
/// </summary>
[Collection(nameof(HeapMeasuringCollection))]
public sealed class SipEdgeFuzzTests
{
    [Fact]
    public async Task Edge_MutatedDatagrams_AnsweredOrDroppedAndStillServing()
    {
        // Malformed datagrams count toward a ban; this test is about surviving them, so bans are off.
        await using var host = await EdgeHost.StartAsync(extra: new Dictionary<string, string?> { ["Sip:BanAfterFailures"] = "0" });
        using var peer = new UdpPeer(host.EndPoint);
        var seed = SipText.Wire(peer.Request("OPTIONS", "sip:hotline.local"));
        var random = new Random(4475);
        var before = 0L;
        var answers = new List<int>();

        for (var round = 0; round < 4000; round++)
        {
            if (round == 1000)
            {
                before = HeapAfterCollect();
            }
            var mutated = (byte[])seed.Clone();
            for (var edits = 1 + random.Next(3); edits > 0; edits--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }
            await peer.SendAsync(mutated);
            if (round % 100 == 99)
            {
                // Every hundred datagrams, prove the edge still answers a clean request.
                var ok = await peer.RequestAsync(peer.Request("OPTIONS", "sip:hotline.local", callId: "probe-" + round));
                Assert.Equal(200, ok.StatusCode);
            }
        }
        var after = HeapAfterCollect();

        Assert.True(after - before < 16 * 1024 * 1024, $"heap grew by {after - before} bytes");
        host.Logs.AssertNoErrors();
    }

    private static long HeapAfterCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
