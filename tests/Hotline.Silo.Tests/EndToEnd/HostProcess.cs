using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// The real host executable (<c>dotnet Hotline.Silo.dll</c>) as a separate process on loopback ports the
/// OS picks (it logs them), with the given data directory and settings. Dispose kills it, so no host
/// outlives its test even when the test fails.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<(int Http, int Grpc)> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process, HostSettingsArgs settings)
    {
        _process = process;
        Settings = settings;
    }

    public HostSettingsArgs Settings { get; }

    public int Id => _process.Id;

    public int HttpPort { get; private set; }

    public Uri GrpcAddress { get; private set; } = new("http://127.0.0.1:0");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the host wrote so far (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host; <paramref name="extraArguments"/> are further settings (<c>--Key=value</c>).</summary>
    public static async Task<HostProcess> StartAsync(HostSettingsArgs settings, params string[] extraArguments)
    {
        // The Orleans ports given as 0 are picked by probing for a free port before Orleans binds it, so a
        // test running in parallel can take it in between; such a start fails at once and is tried again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(settings, extraArguments);
            }
            catch (HostStartException failure) when (attempt < 4 && failure.Output.Contains("Address already in use", StringComparison.Ordinal))
            {
            }
        }
    }

    private static async Task<HostProcess> StartOnceAsync(HostSettingsArgs settings, string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SiloPaths.HostAssembly);
        foreach (var argument in settings.Arguments.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--Http:Port=0");
        start.ArgumentList.Add("--Grpc:Port=0");
        start.ArgumentList.Add("--Sip:Port=0");
        start.ArgumentList.Add("--Cluster:SiloPort=0");
        start.ArgumentList.Add("--Cluster:GatewayPort=0");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        var host = new HostProcess(process, settings);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilServingAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the CLI (<c>token issue …</c>) as its own process with the host's settings; returns the token.</summary>
    public Task<string> IssueTokenAsync(params string[] options) => IssueTokenAsync(Settings, options);

    public static async Task<string> IssueTokenAsync(HostSettingsArgs settings, params string[] options)
    {
        var (code, output, error) = await HostCli.RunAsync(settings, ["token", "issue", .. options]);
        var token = output.Trim();
        if (code != 0 || token.Length == 0)
        {
            throw new InvalidOperationException($"token issue {string.Join(' ', options)} exited {code}: {error}");
        }

        return token;
    }

    /// <summary>The process's resident set size (VmRSS in /proc), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("no VmRSS in /proc status");
    }

    /// <summary>The value of a counter on /metrics (summed over its series), 0 when it was never incremented.</summary>
    public async Task<double> MetricAsync(string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{HttpPort}/metrics"));
        return text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && (line.Length == name.Length || line[name.Length] is ' ' or '{'))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>kill -9: Process.Kill sends SIGKILL on Linux, so nothing in the host runs after it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>kill -TERM: asks the host to shut down gracefully.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("Could not run kill.");
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits for the process to exit; false when it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var exited = _process.WaitForExitAsync(timeout.Token);
        var listening = await Task.WhenAny(_listening.Task, exited, Task.Delay(StartTimeout, timeout.Token));
        if (listening != _listening.Task)
        {
            throw new HostStartException($"the host did not start listening (exited: {_process.HasExited}):\n{Output}", Output);
        }

        (HttpPort, var grpcPort) = await _listening.Task;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        while (true)
        {
            timeout.Token.ThrowIfCancellationRequested();
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}/healthz"), timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not serving yet.
            }
            catch (TaskCanceledException) when (!timeout.Token.IsCancellationRequested)
            {
                // One probe outlasted the client's timeout on a loaded machine; the start timeout still bounds the wait.
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Waits until the host has written a line containing <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(20, limit.Token);
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        // HostLog.Listening (event 2001 of the host's category) carries the ports the OS picked.
        if (line.Contains("\"Hotline.Silo.Host\"", StringComparison.Ordinal) && line.Contains("\"GrpcPort\"", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(line);
            var state = json.RootElement.GetProperty("State");
            _listening.TrySetResult((state.GetProperty("HttpPort").GetInt32(), state.GetProperty("GrpcPort").GetInt32()));
        }
    }
}
