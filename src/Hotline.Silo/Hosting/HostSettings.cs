using System.Globalization;
using System.Net;

namespace Hotline.Silo.Hosting;

/// <summary>The listener and shutdown settings, read and checked once so a bad value stops startup with its key named.</summary>
internal sealed record HostSettings(
    IPAddress HttpBind,
    int HttpPort,
    IPAddress GrpcBind,
    int GrpcPort,
    string? TlsCertificatePath,
    string? TlsCertificatePassword,
    TimeSpan ShutdownTimeout,
    int MaxConnectionsPerAddress,
    int HttpMaxConnectionsPerAddress)
{
    public static HostSettings Read(IConfiguration configuration) => new(
        Address(configuration, "Http:Bind"),
        Port(configuration, "Http:Port", 8080),
        Address(configuration, "Grpc:Bind"),
        Port(configuration, "Grpc:Port", 50051),
        CertificatePath(configuration, "Grpc:Tls:CertificatePath"),
        NullIfEmpty(configuration["Grpc:Tls:CertificatePassword"]),
        Duration(configuration, "ShutdownTimeout", TimeSpan.FromSeconds(30)),
        Count(configuration, "Grpc:MaxConnectionsPerAddress", 32),
        Count(configuration, "Http:MaxConnectionsPerAddress", 64));

    private static int Count(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
            ? count
            : throw new HostSettingsException($"{key} must be a whole number of at least 1, not '{text}'.");
    }

    private static IPAddress Address(IConfiguration configuration, string key)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text) || text == "localhost")
        {
            return IPAddress.Loopback;
        }

        if (text == "*")
        {
            return IPAddress.Any;
        }

        return IPAddress.TryParse(text, out var address)
            ? address
            : throw new HostSettingsException($"{key} must be an IP address, 'localhost' or '*', not '{text}'.");
    }

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort
            ? port
            : throw new HostSettingsException($"{key} must be a port number 0–65535, not '{text}'.");
    }

    private static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero
            ? value
            : throw new HostSettingsException($"{key} must be a duration such as 00:00:30, not '{text}'.");
    }

    private static string? CertificatePath(IConfiguration configuration, string key)
    {
        var path = NullIfEmpty(configuration[key]);
        return path is null || File.Exists(path)
            ? path
            : throw new HostSettingsException($"{key} names a file that does not exist: '{path}'.");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
