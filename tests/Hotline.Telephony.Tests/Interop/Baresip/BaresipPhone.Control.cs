using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>Commands and events over ctrl_tcp; DTMF keys over cons.</summary>
internal sealed partial class BaresipPhone
{
    // baresip's key-release code (KEYCODE_REL): it ends the RFC 4733 event a digit key started.
    private const byte KeyRelease = 0x04;

    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _pending = new();
    private readonly List<(BaresipEvent Event, bool Taken)> _events = [];
    private TaskCompletionSource _eventArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextToken;

    /// <summary>Every event so far, for assertion messages.</summary>
    public IReadOnlyList<BaresipEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _events.Select(e => e.Event).ToList();
            }
        }
    }

    /// <summary>Runs a ctrl_tcp command (a baresip long command such as dial, accept, hangup) and returns its output.</summary>
    public async Task<string> CommandAsync(string command, string? parameters = null)
    {
        var token = Interlocked.Increment(ref _nextToken).ToString(CultureInfo.InvariantCulture);
        var response = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = response;
        var message = parameters is null
            ? JsonSerializer.Serialize(new { command, token })
            : JsonSerializer.Serialize(new { command, @params = parameters, token });
        await new NetstringChannel(_control!.GetStream()).WriteAsync(message, _stopping.Token);
        var data = await response.Task.WaitAsync(Patience);
        // 1.0 reports an unknown command as a successful one that printed this.
        if (data.StartsWith("command not found", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"baresip: {data.Trim()}");
        }
        return data;
    }

    public Task AcceptAsync() => CommandAsync("accept");

    public Task HangUpAsync() => CommandAsync("hangup");

    /// <summary>Waits for REGISTER_OK; a REGISTER_FAIL fails at once with baresip's reason.</summary>
    public async Task WaitForRegisteredAsync()
    {
        var registration = await WaitForEventAsync("REGISTER_OK", "REGISTER_FAIL");
        if (registration.Type != "REGISTER_OK")
        {
            throw new InvalidOperationException($"baresip registration failed: {registration.Param}\n{Output}");
        }
    }

    /// <summary>The earliest event of one of <paramref name="types"/> not returned by an earlier wait.</summary>
    public async Task<BaresipEvent> WaitForEventAsync(params string[] types)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            Task arrived;
            lock (_events)
            {
                var index = _events.FindIndex(e => !e.Taken && types.Contains(e.Event.Type));
                if (index >= 0)
                {
                    _events[index] = (_events[index].Event, true);
                    return _events[index].Event;
                }
                arrived = _eventArrived.Task;
            }
            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"baresip sent no {string.Join('/', types)}; events: {string.Join(", ", Events)}\n{Output}");
            }
        }
    }

    /// <summary>
    /// Presses and releases each digit on baresip's console; in a call it sends them as RFC 4733
    /// telephone-events. The pauses give each event a duration and keep digits apart, as fingers would.
    /// </summary>
    public async Task SendDigitsAsync(string digits)
    {
        var console = _console!.GetStream();
        foreach (var digit in digits)
        {
            await console.WriteAsync(new[] { (byte)digit }, _stopping.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(200), _stopping.Token);
            await console.WriteAsync(new[] { KeyRelease }, _stopping.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(100), _stopping.Token);
        }
    }

    private async Task ReadControlAsync(NetstringChannel channel)
    {
        try
        {
            while (await channel.ReadAsync(_stopping.Token) is { } payload)
            {
                using var document = JsonDocument.Parse(payload);
                var root = document.RootElement;
                if (root.TryGetProperty("response", out _))
                {
                    var token = root.TryGetProperty("token", out var t) ? t.GetString() : null;
                    var data = root.TryGetProperty("data", out var d) ? d.GetString() ?? string.Empty : string.Empty;
                    if (token is not null && _pending.TryRemove(token, out var waiter))
                    {
                        waiter.TrySetResult(data);
                    }
                }
                else if (root.TryGetProperty("event", out _))
                {
                    lock (_events)
                    {
                        _events.Add((BaresipEvent.Parse(root), false));
                        _eventArrived.TrySetResult();
                        _eventArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // baresip exited or the phone is disposed: the waits report what is missing.
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            OnOutput("test: unreadable ctrl_tcp message: " + exception.Message);
        }
    }

    /// <summary>cons echoes keys and prints UI text; it is read so baresip never blocks on a full socket.</summary>
    private async Task DrainConsoleAsync(NetworkStream console)
    {
        var buffer = new byte[4096];
        try
        {
            while (await console.ReadAsync(buffer, _stopping.Token) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // Ends with the phone.
        }
    }
}
