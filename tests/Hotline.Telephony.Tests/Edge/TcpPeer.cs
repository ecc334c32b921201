using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Hotline.Telephony.Tests.Sip.Syntax;

namespace Hotline.Telephony.Tests.Edge;

/// <summary>A bare TCP connection, or TLS over one, speaking SIP text to the edge: connects, sends, reads whole responses.</summary>
internal sealed class TcpPeer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly string _transport;
    private readonly List<byte> _pending = [];

    private TcpPeer(Socket socket, Stream stream, string transport)
    {
        _socket = socket;
        _stream = stream;
        _transport = transport;
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public static async Task<TcpPeer> ConnectAsync(IPEndPoint edge, string address = "127.0.0.1")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
        await socket.ConnectAsync(edge);
        return new TcpPeer(socket, new NetworkStream(socket), "TCP");
    }

    /// <summary>A TLS client that trusts exactly the certificate with <paramref name="thumbprint"/>.</summary>
    public static async Task<TcpPeer> ConnectTlsAsync(IPEndPoint edge, string thumbprint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(edge);
        var tls = new SslStream(new NetworkStream(socket), leaveInnerStreamOpen: false,
            (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == thumbprint);
        using var timeout = new CancellationTokenSource(Patience);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "hotline.local" }, timeout.Token);
        return new TcpPeer(socket, tls, "TLS");
    }

    public async Task SendAsync(string text) => await _stream.WriteAsync(SipText.Wire(text));

    /// <summary>Raw bytes, for garbage that is no SIP (or no TLS) at all.</summary>
    public async Task SendBytesAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

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
            var read = await _stream.ReadAsync(buffer, timeout.Token);
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
            while (await _stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }
            return true;
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public string Request(string method, string uri, string extraHeaders = "", string? callId = null) =>
        SipText.Request(method, uri, $"SIP/2.0/{_transport} {LocalEndPoint};branch=z9hG4bK{Guid.NewGuid():N};rport", LocalEndPoint, extraHeaders, callId);

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

    public void Dispose()
    {
        _stream.Dispose();
        _socket.Dispose();
    }
}
