using System.Net;
using System.Net.Sockets;
using System.Text;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Tests.Sip.Syntax;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>A bare UDP socket speaking SIP text to the edge, for checks sipp cannot express.</summary>
internal sealed class UdpPeer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly UdpClient _client;
    private readonly IPEndPoint _edge;

    public UdpPeer(IPEndPoint edge, string address = "127.0.0.1")
    {
        _edge = edge;
        _client = new UdpClient(new IPEndPoint(IPAddress.Parse(address), 0));
        _client.Client.ReceiveBufferSize = 4 * 1024 * 1024; // floods in tests are answered; keep every answer
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_client.Client.LocalEndPoint!;

    public string Via => $"SIP/2.0/UDP {LocalEndPoint};branch=z9hG4bK{Guid.NewGuid():N};rport";

    public async Task SendAsync(string text) => await _client.SendAsync(SipText.Wire(text), _edge);

    public async Task SendAsync(byte[] bytes) => await _client.SendAsync(bytes, _edge);

    public async Task<string> ReceiveRawAsync() =>
        Encoding.UTF8.GetString((await _client.ReceiveAsync().WaitAsync(Patience)).Buffer);

    /// <summary>The next datagram as a response; null when it does not parse (a 400 echoing a mangled header).</summary>
    public async Task<SipResponse?> ReceiveAsync()
    {
        var datagram = await _client.ReceiveAsync().WaitAsync(Patience);
        var status = new SipMessageParser().TryParseDatagram(new System.Buffers.ReadOnlySequence<byte>(datagram.Buffer), out var message, out _);
        return status == SipParseStatus.Complete ? message as SipResponse : null;
    }

    /// <summary>Sends and returns the first final response to it, skipping 100 Trying and answers to earlier datagrams.</summary>
    public async Task<SipResponse> RequestAsync(string text)
    {
        var callId = text.Split('\n').First(l => l.StartsWith("Call-ID: ", StringComparison.Ordinal))["Call-ID: ".Length..].Trim();
        await SendAsync(text);
        while (true)
        {
            var response = await ReceiveAsync();
            if (response is { StatusCode: >= 200 } && response.CallId == callId)
            {
                return response;
            }
        }
    }

    public string Request(string method, string uri, string extraHeaders = "", string? callId = null) =>
        SipText.Request(method, uri, Via, LocalEndPoint, extraHeaders, callId);

    public void Dispose() => _client.Dispose();
}
