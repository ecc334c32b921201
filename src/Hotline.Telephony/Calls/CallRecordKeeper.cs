using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Calls;

/// <summary>
/// Writes what calls leave behind, off the call center's loop: call detail records and callback requests
/// (a number that may not be dialled automatically is flagged for an agent). Failures are logged with the
/// call id, never thrown at the caller's call. Each kept record signals <paramref name="recordKept"/>, which wallboards wait on.
/// </summary>
internal sealed class CallRecordKeeper(ICallDetailRecordStore records, ICallbackRequestStore callbacks, CallbackNumberPolicy callbackNumbers, ChangeSignal recordKept, ILogger logger)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _pendingSaves = new();

    /// <summary>Record saves still under way (the host waits for them when stopping).</summary>
    public ICollection<Task> Pending => _pendingSaves.Keys;

    /// <summary>Why the number may not be called back automatically; null when it may.</summary>
    public string? CallbackRefusal(string number) => callbackNumbers.Refusal(number);

    public void Save(CallDetailRecord record) => _ = SaveRecordAsync(record);

    public void SaveCallback(CallbackRequest request) => _ = SaveCallbackAsync(request);

    /// <summary>The callback reached the citizen; a request left pending is only called again.</summary>
    public async Task CompleteCallbackAsync(string callId, string outcome)
    {
        try
        {
            await callbacks.CompleteAsync(callId, outcome, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The call is under way; a request left pending is only called again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.CallbackNotSaved(logger, callId, exception);
        }
    }

    /// <summary>The citizen calls in again: their earlier requests are no longer owed (off the loop, logged).</summary>
    public void CancelCallbacks(string number, DateTimeOffset arrivedAt, string callId) => _ = CancelCallbacksAsync(number, arrivedAt, callId);

    private async Task CancelCallbacksAsync(string number, DateTimeOffset arrivedAt, string callId)
    {
        try
        {
            var cancelled = await callbacks.CancelForNumberAsync(number, arrivedAt, "cancelled: the citizen called in (call " + callId + ")", CancellationToken.None).ConfigureAwait(false);
            if (cancelled > 0)
            {
                CallsLog.CallbacksCancelled(logger, number, cancelled, callId);
            }
        }
#pragma warning disable CA1031 // The new call goes on; a request left pending is only called back once more.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.CallbackNotSaved(logger, callId, exception);
        }
    }

    private async Task SaveRecordAsync(CallDetailRecord record)
    {
        var save = SaveRecordCoreAsync(record);
        _pendingSaves.TryAdd(save, 0);
        await save.ConfigureAwait(false);
        _pendingSaves.TryRemove(save, out _);
        recordKept.Signal();
    }

    private async Task SaveRecordCoreAsync(CallDetailRecord record)
    {
        try
        {
            await records.SaveAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Logged with the call id; the caller's experience is already over.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.RecordNotSaved(logger, record.CallId, exception);
        }
    }

    /// <summary>Keeps every request; one whose number may not be dialled automatically is flagged for an agent.</summary>
    private async Task SaveCallbackAsync(CallbackRequest request)
    {
        if (callbackNumbers.Refusal(request.Number) is { } reason)
        {
            request = request with { FlagReason = reason };
            CallsLog.CallbackFlagged(logger, request.CallId, request.Number, reason);
        }
        try
        {
            await callbacks.SaveAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Logged with the number's call id so an operator can recover it from the log.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CallsLog.CallbackNotSaved(logger, request.CallId, exception);
        }
    }
}
