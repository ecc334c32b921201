using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Load.Sip;

/// <summary>
/// CPU cost per stage of one digest registration (two REGISTERs), without sockets or sipp: parse,
/// transaction layer, registrar with digest, response serialisation. Prints a table of µs per registration.
/// </summary>
internal static class PipelineBenchmark
{
    public static void Run(int registrations)
    {
        var parser = new SipMessageParser();
        var first = Encoding.UTF8.GetBytes(Register(1, null));
        Measure("parse REGISTER", registrations, _ => parser.TryParseDatagram(new ReadOnlySequence<byte>(first), out SipMessage? _, out SipParseError? _));
        parser.TryParseDatagram(new ReadOnlySequence<byte>(first), out var message, out _);
        var request = (SipRequest)message!;
        Measure("build 401 response", registrations, _ => SipResponseBuilder.For(request, 401).WithHeader("WWW-Authenticate", "Digest realm=\"x\"").Build());
        var response = SipResponseBuilder.For(request, 200).Build();
        Measure("serialise response", registrations, _ => SipMessageWriter.ToBytes(response));

        var sender = new CountingSender();
        var time = TimeProvider.System;
        var layer = new SipTransactionLayer(sender, time, SipTimers.Default, NullLogger.Instance);
        var agents = Enumerable.Range(0, 1000).Select(i => new AgentCredential((10000 + i).ToString(CultureInfo.InvariantCulture), "pw" + (10000 + i))).ToList();
        var store = new ConfiguredAgentCredentialStore(Options.Create(new ConfiguredAgentsOptions { Agents = agents }));
        var table = new RegistrationTable(time, [], 5, NullLogger.Instance);
        var authenticator = new DigestAuthenticator(new NonceService(time, TimeSpan.FromMinutes(5)), "hotline.local", ["MD5"]);
        var registrar = new SipRegistrar(store, authenticator, table, new RegistrarOptions(), "hotline.local", time, NullLogger.Instance);
        layer.Attach(new RegistrarUser(registrar));
        var source = new IPEndPoint(IPAddress.Loopback, 5999);
        var noop = new SipTransactionLayer(sender, time, SipTimers.Default, NullLogger.Instance);
        noop.Attach(new AnsweringUser());
        Measure("transaction layer only (parse+200)", registrations, i => Deliver(parser, noop, source, Register(i, null)));
        var nonces = new NonceService(time, TimeSpan.FromMinutes(5));
        Measure("nonce create", registrations, _ => nonces.Create());
        Measure("401 challenge headers", registrations, _ => authenticator.CreateChallenges(false).ToList());
        Measure("full registration (2 REGISTERs)", registrations, i =>
        {
            var agent = 10000 + (i % 1000);
            var challenge = Deliver(parser, layer, source, Register(2 * i, null, agent));
            // Parsing the challenge is the client's work, included here: about one parse (~10 µs) per registration.
            var header = sender.Last!.Headers[SipHeaderNames.WwwAuthenticate]!;
            Deliver(parser, layer, source, Register((2 * i) + 1, Authorization(header, agent), agent));
            _ = challenge;
        });
        Console.WriteLine($"transactions alive at end: {layer.ServerTransactionCount}");
    }

    private static bool Deliver(SipMessageParser parser, SipTransactionLayer layer, IPEndPoint source, string text)
    {
        parser.TryParseDatagram(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text)), out var message, out _);
        var inbound = new SipInbound(message!, SipTransportKind.Udp, source, null, new SipDestination(SipTransportKind.Udp, source));
        layer.OnInboundAsync(inbound).AsTask().GetAwaiter().GetResult();
        return true;
    }

    private static void Measure(string name, int count, Action<int> action)
    {
        for (var i = 0; i < Math.Min(count, 2000); i++)
        {
            action(i);
        }
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            action(i + 1_000_000);
        }
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        Console.WriteLine($"{name,-36} {cpu.TotalMicroseconds / count,8:F1} µs CPU  {wall.Elapsed.TotalMicroseconds / count,8:F1} µs wall");
    }

    private static string Register(int cseq, string? authorization, int agent = 10000) =>
        $"REGISTER sip:127.0.0.1:15060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-{cseq}-x;rport\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:{agent}@hotline.local>;tag=t{cseq}\r\nTo: <sip:{agent}@hotline.local>\r\nCall-ID: c{cseq / 2}@127.0.0.1\r\nCSeq: {cseq} REGISTER\r\n" +
        $"Contact: <sip:{agent}@127.0.0.1:5061;transport=UDP>\r\nExpires: 600\r\n" +
        (authorization is null ? string.Empty : "Authorization: " + authorization + "\r\n") + "Content-Length: 0\r\n\r\n";

    private static string Authorization(string challenge, int agent)
    {
        var nonce = challenge.Split("nonce=\"")[1].Split('"')[0];
        var ha1 = Md5($"{agent}:hotline.local:pw{agent}");
        var ha2 = Md5("REGISTER:sip:127.0.0.1:15060");
        var response = Md5($"{ha1}:{nonce}:00000001:abc:auth:{ha2}");
        return $"Digest username=\"{agent}\",realm=\"hotline.local\",cnonce=\"abc\",nc=00000001,qop=auth,uri=\"sip:127.0.0.1:15060\",nonce=\"{nonce}\",response=\"{response}\",algorithm=MD5";
    }

#pragma warning disable CA5351
    private static string Md5(string text) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private sealed class CountingSender : ISipSender
    {
        private ReadOnlyMemory<byte> _last;

        /// <summary>The last response sent, parsed on demand (the benchmark reads only the challenges).</summary>
        public SipResponse? Last
        {
            get
            {
                var buffer = new ReadOnlySequence<byte>(_last);
                new SipMessageParser().TryParseStream(ref buffer, out var message, out _);
                return message as SipResponse;
            }
        }

        public ValueTask SendAsync(ReadOnlyMemory<byte> wire, SipDestination destination, CancellationToken cancellationToken)
        {
            _last = wire;
            return ValueTask.CompletedTask;
        }
    }

    private sealed class AnsweringUser : ISipTransactionUser
    {
        public ValueTask OnRequestAsync(ISipServerTransaction transaction)
        {
            transaction.Respond(SipResponseBuilder.For(transaction.Request, 200).Build());
            return ValueTask.CompletedTask;
        }

        public ValueTask OnStrayAckAsync(SipInbound ack) => ValueTask.CompletedTask;
    }

    private sealed class RegistrarUser(SipRegistrar registrar) : ISipTransactionUser
    {
        public ValueTask OnRequestAsync(ISipServerTransaction transaction) => registrar.HandleAsync(transaction, CancellationToken.None);

        public ValueTask OnStrayAckAsync(SipInbound ack) => ValueTask.CompletedTask;
    }
}
