using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Hotline.Silo.Hosting;

/// <summary>
/// Kestrel connection middleware on the gRPC listener: one source address holds at most a set number of
/// connections (<c>Grpc:MaxConnectionsPerAddress</c>); one more is closed before any byte is read, so a
/// single client cannot hold every connection, and with them every stream, of the host.
/// </summary>
internal sealed class ConnectionsPerAddress(int max)
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    public ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        if (connection.RemoteEndPoint is not IPEndPoint { Address: var address })
        {
            await next(connection);
            return;
        }

        if (_open.AddOrUpdate(address, 1, static (_, open) => open + 1) > max)
        {
            Leave(address);
            // Returning without calling next closes the connection.
            return;
        }

        try
        {
            await next(connection);
        }
        finally
        {
            Leave(address);
        }
    };

    private void Leave(IPAddress address)
    {
        if (_open.AddOrUpdate(address, 0, static (_, open) => open - 1) <= 0)
        {
            _open.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
    }
}
