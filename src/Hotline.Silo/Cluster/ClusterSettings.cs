using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hotline.Silo.Hosting;

namespace Hotline.Silo.Cluster;

/// <summary>
/// The <c>Cluster</c> settings, read and checked once so a bad value stops startup with its key named.
/// Port 0 means a free port picked at start (tests run many hosts side by side).
/// </summary>
internal sealed record ClusterSettings(
    ClusterProvider Provider,
    int SiloPort,
    int GatewayPort,
    string ClusterId,
    string ServiceId,
    TimeSpan IdleTimeout,
    IPAddress? AdvertisedAddress)
{
    public const string DefaultId = "hotline";

    public static ClusterSettings Read(IConfiguration configuration) => new(
        ReadProvider(configuration),
        PortOrFree(configuration, "Cluster:SiloPort", 11111),
        PortOrFree(configuration, "Cluster:GatewayPort", 30000),
        Id(configuration, "Cluster:ClusterId"),
        Id(configuration, "Cluster:ServiceId"),
        ReadIdleTimeout(configuration),
        ReadAdvertisedAddress(configuration));

    private static ClusterProvider ReadProvider(IConfiguration configuration)
    {
        var text = configuration["Cluster:Provider"];
        return (string.IsNullOrWhiteSpace(text) ? "localhost" : text.Trim().ToLowerInvariant()) switch
        {
            "localhost" => ClusterProvider.Localhost,
            "postgres" or "postgresql" => RequirePostgresStorage(configuration),
            _ => throw new HostSettingsException($"Cluster:Provider must be 'localhost' or 'postgres', not '{text}'."),
        };
    }

    private static ClusterProvider RequirePostgresStorage(IConfiguration configuration)
    {
        // The membership table lives beside the tickets: a cluster without their shared database makes no sense.
        var storage = configuration["Storage:Provider"]?.Trim().ToLowerInvariant();
        return storage is "postgres" or "postgresql" && !string.IsNullOrWhiteSpace(configuration["Storage:ConnectionString"])
            ? ClusterProvider.Postgres
            : throw new HostSettingsException("Cluster:Provider=postgres needs Storage:Provider=postgres and Storage:ConnectionString.");
    }

    private static int PortOrFree(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new HostSettingsException($"{key} must be a port number 0–65535, not '{text}'.");
        }

        return port == 0 ? FreePort() : port;
    }

    private static string Id(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        return string.IsNullOrWhiteSpace(text) ? DefaultId : text.Trim();
    }

    /// <summary><c>Grains:IdleTimeout</c> becomes Orleans' collection age: an idle activation is collected after it.</summary>
    private static TimeSpan ReadIdleTimeout(IConfiguration configuration)
    {
        const string key = "Grains:IdleTimeout";
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.FromMinutes(10);
        }

        // Orleans sweeps idle activations once a minute, so a shorter age could not be honoured.
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.FromMinutes(1)
            ? value
            : throw new HostSettingsException($"{key} must be a duration of at least 00:01:00, not '{text}'.");
    }

    /// <summary><c>Cluster:AdvertisedAddress</c>: the address other silos reach this one at (default: Orleans picks this machine's address).</summary>
    private static IPAddress? ReadAdvertisedAddress(IConfiguration configuration)
    {
        const string key = "Cluster:AdvertisedAddress";
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new HostSettingsException($"{key} must be an IP address, not '{text}'.");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
