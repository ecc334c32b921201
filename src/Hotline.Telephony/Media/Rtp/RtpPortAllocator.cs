using System.Net;
using System.Net.Sockets;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Hands out UDP sockets bound to even ports in [PortMin, PortMax]. RTP takes the even port and leaves the
/// odd one above it for RTCP (RFC 3550 §11). Ports in use by another process are skipped.
/// Thread-safe.
/// </summary>
public sealed class RtpPortAllocator : IDisposable
{
    private readonly IPAddress _bindAddress;
    private readonly int _firstPort;
    private readonly bool[] _inUse;
    private readonly Lock _gate = new();
    private readonly int _relayThreads;
    private readonly bool _relaySendRing;
    private EpollRelayEngine? _engine;
    private bool _engineTried;
    private int _cursor;

    public RtpPortAllocator(MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PortMin < 1024 || options.PortMax > 65534 || options.PortMax <= options.PortMin)
        {
            throw new ArgumentException(
                $"Media:PortMin/PortMax must satisfy 1024 <= min < max <= 65534 (got {options.PortMin}–{options.PortMax}).",
                nameof(options));
        }

        _bindAddress = IPAddress.Parse(options.BindAddress);
        _firstPort = options.PortMin + (options.PortMin % 2);
        _inUse = new bool[((options.PortMax - _firstPort) / 2) + 1];
        _relayThreads = options.RelayThreads;
        _relaySendRing = options.RelaySendRing;
    }

    /// <summary>The shared epoll engine for relays using these ports, created on first use; null for async receives.</summary>
    internal EpollRelayEngine? Engine
    {
        get
        {
            lock (_gate)
            {
                if (!_engineTried)
                {
                    _engineTried = true;
                    _engine = _relayThreads > 0 ? EpollRelayEngine.TryCreate(_relayThreads, _relaySendRing) : null;
                }

                return _engine;
            }
        }
    }

    /// <summary>Stops the relay engine threads (relays should be disposed first).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _engineTried = true;
        }

        _engine?.Dispose();
    }

    /// <summary>Whether batched sends may go through io_uring (Media:RelaySendRing).</summary>
    internal bool SendRing => _relaySendRing;

    /// <summary>The address every socket binds to; SDP advertises it.</summary>
    public IPAddress BindAddress => _bindAddress;

    /// <summary>Number of even ports the range offers.</summary>
    public int Capacity => _inUse.Length;

    /// <summary>Number of ports currently handed out.</summary>
    public int Allocated { get; private set; }

    /// <summary>Binds a socket on a free even port, or returns null when the range is exhausted.</summary>
    public Socket? TryAllocate()
    {
        lock (_gate)
        {
            for (int tried = 0; tried < _inUse.Length; tried++)
            {
                int slot = _cursor;
                _cursor = (_cursor + 1) % _inUse.Length;
                if (_inUse[slot])
                {
                    continue;
                }

                var socket = new Socket(_bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                try
                {
                    socket.Bind(new IPEndPoint(_bindAddress, _firstPort + (2 * slot)));
                }
                catch (SocketException)
                {
                    socket.Dispose();
                    continue;
                }

                _inUse[slot] = true;
                Allocated++;
                return socket;
            }

            return null;
        }
    }

    /// <summary>Closes the socket and returns its port to the pool.</summary>
    public void Release(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        int port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        socket.Dispose();
        lock (_gate)
        {
            int slot = (port - _firstPort) / 2;
            if (slot >= 0 && slot < _inUse.Length && _inUse[slot])
            {
                _inUse[slot] = false;
                Allocated--;
            }
        }
    }
}
