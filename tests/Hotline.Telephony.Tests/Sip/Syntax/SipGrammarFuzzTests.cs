using System.Buffers;
using System.Text;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>
/// Grammar-aware fuzzing: messages generated from the RFC 3261 productions for the start line and every
/// header, then cut and perturbed at token boundaries. The parser answers each with a message or a typed
/// rejection (never an exception), and a cut the grammar forbids is never accepted.
/// </summary>
public sealed class SipGrammarFuzzTests
{
    private static readonly string[] Perturbations =
    [
        " ", "\t", ";", ",", ":", "<", ">", "\"", "@", "=", "/", "%", "%zz", "[", "]", "\\", "\r", "\n", "\r\n", "\r\n ", "\r\n\r\n",
        "\0", "é", "市", "\uFFFD", "SIP/", ";;", "::", "<<", ">>", "\"\"", "sip:", "SIP/2.0 ", "?", "&", "*", "0", "99999999999999999999",
    ];

    [Fact]
    public void TryParse_GeneratedMessages_CompleteAndEveryTypedHeaderReads()
    {
        var generator = new SipGrammarGenerator(new Random(3261));
        for (var i = 0; i < 500; i++)
        {
            var generated = i % 5 == 0 ? generator.Response() : generator.Request();

            var message = ParseBoth(generated.Wire(), out var status, out var error);

            Assert.True(status == SipParseStatus.Complete, $"{error}\n{Encoding.UTF8.GetString(generated.Wire())}");
            for (var line = 1; line < generated.Lines.Count; line++)
            {
                var value = message!.Headers.All[line - 1].Value;
                Assert.True(TypedAccepts(generated.Lines[line].Check, value), $"{generated.Lines[line].Name}: {value}");
            }
        }
    }

    [Fact]
    public void TryParse_EveryTokenBoundaryCut_AcceptedExactlyWhenGrammarAllows()
    {
        var generator = new SipGrammarGenerator(new Random(4475));
        var cuts = 0;
        for (var i = 0; i < 300; i++)
        {
            var generated = i % 5 == 0 ? generator.Response() : generator.Request();
            for (var line = 0; line < generated.Lines.Count; line++)
            {
                var target = generated.Lines[line];
                for (var tokens = 0; tokens < target.Tokens.Count; tokens++)
                {
                    var bytes = generated.WithCut(line, tokens);
                    var message = ParseBoth(bytes, out var status, out var error);
                    var expected = target.ValidAfter(tokens);
                    var shown = $"cut after {tokens} tokens of line {line}: '{target.Render(target.Value(tokens))}' -> {status} {error}";
                    if (target.Check == LineCheck.Parser)
                    {
                        Assert.True(expected == (status == SipParseStatus.Complete), shown);
                        Assert.True(expected || status == SipParseStatus.Rejected, shown);
                    }
                    else
                    {
                        Assert.True(status == SipParseStatus.Complete, shown);
                        Assert.True(expected == TypedAccepts(target.Check, message!.Headers.All[line - 1].Value), shown);
                    }
                    cuts++;
                }
            }
        }
        Assert.True(cuts > 10_000, $"only {cuts} cuts");
    }

    [Fact]
    public void TryParseStream_EveryBytePrefixOfGeneratedMessages_NeverComplete()
    {
        var generator = new SipGrammarGenerator(new Random(5626));
        var parser = new SipMessageParser();
        for (var i = 0; i < 60; i++)
        {
            var bytes = (i % 5 == 0 ? generator.Response() : generator.Request()).Wire();
            for (var length = 1; length < bytes.Length; length++)
            {
                var buffer = new ReadOnlySequence<byte>(bytes, 0, length);
                Assert.Equal(SipParseStatus.NeedMoreData, parser.TryParseStream(ref buffer, out _, out _));
                Assert.NotEqual(SipParseStatus.Complete, parser.TryParseDatagram(new ReadOnlySequence<byte>(bytes, 0, length), out _, out _));
            }
        }
    }

    [Fact]
    public void TryParse_PerturbedAtTokenBoundaries_TypedRejectionOrStableMessage()
    {
        var random = new Random(3581);
        var generator = new SipGrammarGenerator(random);
        var outcomes = new Dictionary<SipParseStatus, int>();
        for (var i = 0; i < 20_000; i++)
        {
            var generated = i % 5 == 0 ? generator.Response() : generator.Request();
            var bytes = Perturb(random, generated);

            var message = ParseBoth(bytes, out var status, out var error);

            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
            if (status == SipParseStatus.Rejected)
            {
                Assert.NotNull(error);
                _ = SipRejectionResponder.TryBuild(new ReadOnlySequence<byte>(bytes), error!, 8192);
                continue;
            }
            Assert.Equal(SipParseStatus.Complete, status);
            var again = ParseBoth(SipMessageWriter.ToBytes(message!), out var reparsed, out error);
            Assert.True(reparsed == SipParseStatus.Complete, $"{error}\n{Encoding.UTF8.GetString(bytes)}");
            Assert.Equal(message!.StartLine, again!.StartLine);
            foreach (var header in message.Headers.All)
            {
                foreach (var check in Enum.GetValues<LineCheck>())
                {
                    _ = TypedAccepts(check, header.Value);
                }
            }
        }
        Assert.True(outcomes.GetValueOrDefault(SipParseStatus.Rejected) > 2000, "perturbations should often be rejected");
        Assert.True(outcomes.GetValueOrDefault(SipParseStatus.Complete) > 2000, "perturbations should often still parse");
    }

    private static byte[] Perturb(Random random, GeneratedMessage generated)
    {
        var line = random.Next(generated.Lines.Count);
        var tokens = generated.Lines[line].Tokens;
        var at = random.Next(tokens.Count);
        var other = generated.Lines[random.Next(generated.Lines.Count)].Tokens;
        return random.Next(5) switch
        {
            0 => generated.WithReplaced(line, at, string.Empty),
            1 => generated.WithReplaced(line, at, tokens[at].Text + tokens[at].Text),
            2 => generated.WithReplaced(line, at, other[random.Next(other.Count)].Text),
            3 => generated.WithReplaced(line, at, string.Concat(Enumerable.Repeat(tokens[at].Text, 1 + random.Next(300)))),
            _ => generated.WithInsert(line, random.Next(tokens.Count + 1), Perturbations[random.Next(Perturbations.Length)]),
        };
    }

    /// <summary>Parses as a datagram and as a stream (split at random places); both must agree.</summary>
    private static SipMessage? ParseBoth(byte[] bytes, out SipParseStatus status, out SipParseError? error)
    {
        var parser = new SipMessageParser();
        status = parser.TryParseDatagram(new ReadOnlySequence<byte>(bytes), out var message, out error);
        Assert.True((status == SipParseStatus.Complete) == (message is not null));
        Assert.True((status == SipParseStatus.Rejected) == (error is not null));
        var stream = TestSegments.Split(bytes, 1 + (bytes.Length % 37));
        var streamStatus = parser.TryParseStream(ref stream, out var streamed, out var streamError);
        if (status == SipParseStatus.Complete && message!.Headers[SipHeaderNames.ContentLength] is not null)
        {
            // A datagram may carry bytes past Content-Length that a stream keeps for the next message.
            Assert.True(streamStatus == SipParseStatus.Complete, $"stream: {streamError}");
            Assert.Equal(message!.StartLine, streamed!.StartLine);
        }
        return message;
    }

    /// <summary>RFC 6665 §8.4: Event = event-type *( SEMI event-param ).</summary>
    private static bool IsTokenWithParameters(string value)
    {
        var semicolon = value.IndexOf(';');
        return semicolon < 0
            ? SipGrammar.IsToken(value)
            : SipGrammar.IsToken(value.AsSpan(0, semicolon)) && SipParameters.TryParse(value.AsSpan(semicolon + 1), out _);
    }

    private static bool TypedAccepts(LineCheck check, string value)
    {
        var items = new List<string>();
        return check switch
        {
            LineCheck.Address => NameAddressHeader.TryParse(value, out _),
            LineCheck.AddressList => value == "*"
                || (SipGrammar.TrySplitList(value, items) && items.Count > 0 && items.TrueForAll(item => NameAddressHeader.TryParse(item, out _))),
            LineCheck.Digest => DigestCredentials.TryParse(value, out _),
            LineCheck.Digits => value.Length > 0 && value.All(char.IsAsciiDigit),
            LineCheck.TokenList => SipGrammar.TrySplitList(value, items) && items.Count > 0 && items.TrueForAll(item => SipGrammar.IsToken(item)),
            LineCheck.TokenWithParameters => IsTokenWithParameters(value),
            _ => true,
        };
    }
}
