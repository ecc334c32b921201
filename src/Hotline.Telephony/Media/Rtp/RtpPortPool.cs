using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Hands out even RTP ports (RFC 3550 §11: RTP even, RTCP the next odd) from a configured range, binding
/// the socket at once so the port announced in SDP is really ours.
/// </summary>
internal sealed class RtpPortPool
{
    private readonly IPAddress _address;
    private readonly ConcurrentQueue<int> _free = new();

    public RtpPortPool(IPAddress address, int firstPort, int lastPort)
    {
        _address = address;
        for (var port = firstPort + (firstPort % 2); port + 1 <= lastPort; port += 2)
        {
            _free.Enqueue(port);
        }
    }

    public IPAddress Address => _address;

    /// <summary>A bound socket on a free even port, or null when the range is exhausted.</summary>
    public Socket? Rent()
    {
        for (var attempts = _free.Count; attempts > 0 && _free.TryDequeue(out var port); attempts--)
        {
            var socket = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(_address, port));
                return socket;
            }
            catch (SocketException)
            {
                // Taken by another process: skip it and keep it out of rotation for now.
                socket.Dispose();
                _free.Enqueue(port);
            }
        }
        return null;
    }

    public void Return(Socket socket)
    {
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        socket.Dispose();
        _free.Enqueue(port);
    }
}
