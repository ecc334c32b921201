using Hotline.Silo.Hosting;

namespace Hotline.Silo.Cli;

/// <summary>
/// The executable's entry: no command (or only <c>--Key=value</c> settings and <c>--no-demo</c>) runs the server;
/// otherwise a command from <see cref="CliCommands"/> runs against the same configuration and store.
/// Exit codes: 0 success, 1 the command could not be carried out, 2 bad arguments or settings.
/// </summary>
internal static class HotlineCli
{
    private const string NoDemo = "--no-demo";

    /// <param name="input">Where <c>--password -</c> reads the password from (standard input), so it never shows in <c>ps</c>.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader? input = null)
    {
        if (args is ["help", ..] || args.Any(a => a is "--help" or "-h"))
        {
            await WriteUsageAsync(output).ConfigureAwait(false);
            return 0;
        }

        try
        {
            if (args.Length == 0 || args[0].StartsWith('-'))
            {
                await RunServerAsync(args).ConfigureAwait(false);
                return 0;
            }

            var invocation = await ReadSecretAsync(CliInvocation.Parse(args), input ?? TextReader.Null).ConfigureAwait(false);
            var action = BindOrExplain(invocation);
            return await RunCommandAsync(invocation, action, output).ConfigureAwait(false);
        }
        catch (CliUsageException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            await WriteUsageAsync(error).ConfigureAwait(false);
            return 2;
        }
        catch (HostSettingsException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return 2;
        }
        catch (IOException exception) when (exception.InnerException is System.Net.Sockets.SocketException || exception.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"error: cannot listen: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (System.Net.Sockets.SocketException exception) when (exception.SocketErrorCode is System.Net.Sockets.SocketError.AddressAlreadyInUse or System.Net.Sockets.SocketError.AccessDenied or System.Net.Sockets.SocketError.AddressNotAvailable)
        {
            // The SIP edge binds its own sockets: a port taken by another program is a setting to change, not a crash.
            await error.WriteLineAsync($"error: cannot listen: {exception.Message} (see Sip:Port, Http:Port, Grpc:Port, Cluster:SiloPort)").ConfigureAwait(false);
            return 1;
        }
        catch (CliFailureException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task RunServerAsync(string[] args)
    {
        var loadDemo = !args.Contains(NoDemo);
        var app = HotlineHost.Build([.. args.Where(a => a != NoDemo)], loadDemo);
        await app.RunAsync().ConfigureAwait(false);
    }

    /// <summary><c>--password -</c>: the password is the first line of standard input (without its line end).</summary>
    private static async Task<CliInvocation> ReadSecretAsync(CliInvocation invocation, TextReader input)
    {
        if (!invocation.Options.TryGetValue("password", out var value) || value != "-")
        {
            return invocation;
        }

        var line = await input.ReadLineAsync().ConfigureAwait(false)
            ?? throw new CliUsageException("--password -: standard input ended before a password line");
        return invocation.WithOption("password", line);
    }

    private static CliAction BindOrExplain(CliInvocation invocation)
    {
        try
        {
            return invocation.Command.Bind(invocation.Options);
        }
        catch (CliUsageException exception)
        {
            throw new CliUsageException($"{exception.Message} (usage: {invocation.Command.Name} {invocation.Command.Synopsis})");
        }
    }

    private static async Task<int> RunCommandAsync(CliInvocation invocation, CliAction action, TextWriter output)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = invocation.ConfigurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        HotlineConfiguration.ResolveDataDirectory(builder.Configuration, builder.Configuration);
        HotlineConfiguration.UseJsonConsole(builder.Logging, toStandardError: true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddStorageParts(builder.Configuration);

        // Starting the host runs storage's hosted services (schema initialisation); no listener is opened.
        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        try
        {
            return await action(host.Services, output, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await host.StopAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteUsageAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("usage: Hotline.Silo [--no-demo] [--Key=value …]      run the server").ConfigureAwait(false);
        foreach (var command in CliCommands.All)
        {
            await writer.WriteLineAsync($"       Hotline.Silo {command.Name} {command.Synopsis} [--Key=value …]").ConfigureAwait(false);
        }

        await writer.WriteLineAsync("settings: --DataDir=… --Storage:Provider=sqlite|postgres --Storage:ConnectionString=… --Http:Port=… --Grpc:Port=… --Sip:Port=… --Sip:Domain=…").ConfigureAwait(false);
    }
}
