using System.Buffers;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>
/// Mutates valid messages thousands of times: the parser must answer every one without throwing or leaking.
/// Runs alone: the heap it measures is the whole process's, which tests running beside it would grow.
/// </summary>
[Collection(nameof(HeapMeasuringCollection))]
public sealed class SipParserFuzzTests
{
    private static readonly byte[][] Seeds =
    [
        SipText.Wire(SipText.Register),
        SipText.Wire(SipText.InviteWithBody),
    ];

    [Fact]
    public void TryParse_ThousandsOfMutations_NeverThrowsAndMemoryStaysFlat()
    {
        var random = new Random(20260601);
        var parser = new SipMessageParser();
        var outcomes = new Dictionary<SipParseStatus, int>();

        RunRound(random, parser, outcomes, 3000);
        var before = MeasureHeap();
        RunRound(random, parser, outcomes, 6000);
        var after = MeasureHeap();

        Assert.True(after - before < 4 * 1024 * 1024, $"heap grew by {after - before} bytes");
        Assert.True(outcomes.GetValueOrDefault(SipParseStatus.Rejected) > 1000, "mutations should mostly be rejected");
        Assert.True(outcomes.GetValueOrDefault(SipParseStatus.Complete) > 100, "some mutations should still parse");
    }

    private static void RunRound(Random random, SipMessageParser parser, Dictionary<SipParseStatus, int> outcomes, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var mutated = Mutate(random, Seeds[random.Next(Seeds.Length)]);
            var datagramStatus = parser.TryParseDatagram(new ReadOnlySequence<byte>(mutated), out var message, out var error);
            Assert.True((datagramStatus == SipParseStatus.Complete) == (message is not null));
            Assert.True((datagramStatus == SipParseStatus.Rejected) == (error is not null));
            outcomes[datagramStatus] = outcomes.GetValueOrDefault(datagramStatus) + 1;

            var stream = TestSegments.Split(mutated, 1 + random.Next(64));
            var streamStatus = parser.TryParseStream(ref stream, out message, out _);
            if (streamStatus == SipParseStatus.Complete)
            {
                Assert.NotNull(message);
                _ = SipMessageWriter.ToBytes(message!);
            }
        }
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        var edits = 1 + random.Next(4);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    var length = Math.Min(bytes.Count - at, random.Next(40));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    bytes[at] = (byte)char.ToUpperInvariant((char)bytes[at]);
                    break;
            }
        }
        return [.. bytes];
    }

    private static readonly byte[] Interesting = "\r\n\t :;,<>\"@=%\0/-0123456789z"u8.ToArray();

    private static long MeasureHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
