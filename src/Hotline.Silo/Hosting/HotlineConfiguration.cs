using Microsoft.Extensions.Logging.Console;

namespace Hotline.Silo.Hosting;

/// <summary>Configuration shared by the server and the CLI, so both see the same store.</summary>
internal static class HotlineConfiguration
{
    /// <summary>
    /// Resolves <c>DataDir</c> (default ./data, relative to the working directory) to an absolute path, creates
    /// it readable by the owner only (<see cref="PrivateDataDirectory"/>), and makes that path the value every component reads.
    /// </summary>
    public static void ResolveDataDirectory(IConfigurationBuilder builder, IConfiguration configuration)
    {
        var dataDir = configuration["DataDir"];
        var full = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDir) ? "data" : dataDir);
        try
        {
            PrivateDataDirectory.Create(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new HostSettingsException($"DataDir '{full}' cannot be created: {exception.Message}");
        }

        builder.AddInMemoryCollection([new KeyValuePair<string, string?>("DataDir", full)]);
    }

    /// <summary>One JSON object per line on the console; the CLI sends logs to stderr so stdout holds only results.</summary>
    public static void UseJsonConsole(ILoggingBuilder logging, bool toStandardError)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        if (toStandardError)
        {
            logging.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        }
    }
}
