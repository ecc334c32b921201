using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>
/// A real baresip 1.0 softphone for one agent, headless in a temp config directory: started with
/// <see cref="StartAsync"/>, driven over ctrl_tcp (JSON commands, events) and cons (DTMF keys), and always
/// killed on dispose. Its stdout, with the SIP trace (-s), is kept for assertion messages.
/// </summary>
internal sealed partial class BaresipPhone : IAsyncDisposable
{
    /// <summary>Bounds every wait; a healthy run takes a fraction of it even on a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    // baresip's own safety net (-t): it quits by itself even if the test process dies without disposing.
    private const int LifetimeSeconds = 180;

    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _controlPort;
    private readonly int _consolePort;
    private TcpClient? _control;
    private TcpClient? _console;

    private BaresipPhone(Process process, DirectoryInfo directory, int controlPort, int consolePort)
    {
        _process = process;
        _directory = directory;
        _controlPort = controlPort;
        _consolePort = consolePort;
    }

    /// <summary>Everything baresip printed so far (log and SIP trace).</summary>
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

    public bool HasExited => _process.HasExited;

    /// <summary>Starts baresip and adds <paramref name="account"/>, which registers at once; await <see cref="WaitForRegisteredAsync"/>.</summary>
    public static async Task<BaresipPhone> StartAsync(BaresipAccount account)
    {
        await BaresipInstallation.EnsureInstalledAsync();
        var failures = new StringBuilder();
        // The control and console ports are picked free, then released for baresip to bind: another process
        // may take one in between, so a start that cannot listen is retried on fresh ports.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var phone = Launch(FreeTcpPort(), FreeTcpPort(), account);
            try
            {
                if (await phone.TryConnectAsync())
                {
                    await phone.CommandAsync("uanew", account.ToAccountLine());
                    return phone;
                }
                failures.AppendLine(phone.Output);
            }
            catch
            {
                await phone.DisposeAsync();
                throw;
            }
            await phone.DisposeAsync();
        }
        throw new InvalidOperationException("baresip did not start:\n" + failures);
    }

    /// <summary>Sends quit and waits for baresip to unregister and exit.</summary>
    public async Task QuitAsync()
    {
        await CommandAsync("quit");
        using var deadline = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _control?.Dispose();
        _console?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var deadline = new CancellationTokenSource(Patience);
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (InvalidOperationException)
        {
            // The process was never started or is already reaped: nothing left to stop.
        }
        _process.Dispose();
        _stopping.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    public override string ToString() => Output;

    private static BaresipPhone Launch(int controlPort, int consolePort, BaresipAccount account)
    {
        var directory = Directory.CreateTempSubdirectory("baresip-");
        BaresipConfig.Write(directory.FullName, controlPort, consolePort, account.TrustedCertificate, account.ToneHz);
        var start = new ProcessStartInfo(BaresipInstallation.ExecutablePath)
        {
            WorkingDirectory = directory.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-f", directory.FullName, "-s", "-t", LifetimeSeconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var phone = new BaresipPhone(process, directory, controlPort, consolePort);
        process.OutputDataReceived += (_, line) => phone.OnOutput(line.Data);
        process.ErrorDataReceived += (_, line) => phone.OnOutput(line.Data);
        process.Exited += (_, _) => phone._ready.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return phone;
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (line.Contains("baresip is ready.", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>False when baresip exited or could not listen on the picked ports.</summary>
    private async Task<bool> TryConnectAsync()
    {
        try
        {
            await _ready.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("baresip did not get ready:\n" + Output);
        }
        if (_process.HasExited || Output.Contains("failed to listen", StringComparison.Ordinal))
        {
            return false;
        }
        _control = new TcpClient();
        await _control.ConnectAsync(IPAddress.Loopback, _controlPort);
        _console = new TcpClient();
        await _console.ConnectAsync(IPAddress.Loopback, _consolePort);
        _ = ReadControlAsync(new NetstringChannel(_control.GetStream()));
        _ = DrainConsoleAsync(_console.GetStream());
        return true;
    }

    private static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
