namespace Hotline.Telephony.Media.Recording;

/// <summary>
/// One background thread per process that writes every open recording's batched packets a few times a
/// second. A work item per batch would cost a thread-pool wake (and the pool's spinning) every few packets
/// per call; one thread on a fixed period costs a handful of wakes per second whatever the call count.
/// The period only sets how much audio waits in memory; a recorder whose batch fills first writes it itself.
/// A yield every few dozen recorders keeps each burst of a pass small, so a relay
/// thread at the same priority (real-time scheduling runs a thread until it blocks or yields) never waits
/// behind a whole pass over a thousand calls.
/// </summary>
internal static class RecordingDrain
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    private const int RecordersBetweenYields = 64;
    private static readonly Lock Gate = new();
    private static readonly List<CallRecorder> Open = [];
    private static CallRecorder[] _snapshot = [];
    private static Thread? _thread;

    public static void Register(CallRecorder recorder)
    {
        lock (Gate)
        {
            Open.Add(recorder);
            _snapshot = [.. Open];
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "recording-drain" };
                _thread.Start();
            }
        }
    }

    public static void Unregister(CallRecorder recorder)
    {
        lock (Gate)
        {
            if (Open.Remove(recorder))
            {
                _snapshot = [.. Open];
            }
        }
    }

    private static void Run()
    {
        while (true)
        {
            Thread.Sleep(Period);
            CallRecorder[] recorders = Volatile.Read(ref _snapshot);
            for (int i = 0; i < recorders.Length; i++)
            {
                recorders[i].Drain();
                if (i % RecordersBetweenYields == RecordersBetweenYields - 1)
                {
                    Thread.Yield();
                }
            }
        }
    }
}
