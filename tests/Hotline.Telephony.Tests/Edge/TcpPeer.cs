using System.Net;
using System.Net.Sockets;
using System.Text;
using Hotline.Telephony.Tests.Sip.Syntax;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>A bare TCP connection speaking SIP text to the edge: connects, sends, reads whole responses.</summary>
internal sealed class TcpPeer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly List<byte> _pending = [];

    private TcpPeer(Socket socket)
    {
        _socket = socket;
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public static async Task<TcpPeer> ConnectAsync(IPEndPoint edge, string address = "127.0.0.1")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
        await socket.ConnectAsync(edge);
        return new TcpPeer(socket);
    }

    public async Task SendAsync(string text) => await _socket.SendAsync(SipText.Wire(text));

    /// <summary>The next whole message's text (headers plus Content-Length body); null when the edge closed the connection.</summary>
    public async Task<string?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[4096];
        while (true)
        {
            var text = Encoding.UTF8.GetString([.. _pending]);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var length = ContentLength(text[..end]);
                if (_pending.Count >= end + 4 + length)
                {
                    _pending.RemoveRange(0, end + 4 + length);
                    return text[..(end + 4 + length)];
                }
            }
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                return null;
            }
            _pending.AddRange(buffer.AsSpan(0, read));
        }
    }

    /// <summary>True once the edge has closed the connection (reads end or reset) within the patience.</summary>
    public async Task<bool> IsClosedByEdgeAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        var buffer = new byte[1024];
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public string Request(string method, string uri, string extraHeaders = "", string? callId = null) =>
        SipText.Request(method, uri, $"SIP/2.0/TCP {LocalEndPoint};branch=z9hG4bK{Guid.NewGuid():N};rport", LocalEndPoint, extraHeaders, callId);

    private static int ContentLength(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            var name = colon < 0 ? string.Empty : line[..colon].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("l", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    public void Dispose() => _socket.Dispose();
}
