using Hotline.Telephony.Calls;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// The rules of placing callback requests (漏接回拨, queued callbacks), plain code on instants: nobody is
/// called in quiet hours; after an unanswered attempt the next waits Callbacks:RetryInterval, doubled for
/// each further attempt up to Callbacks:MaxRetryInterval and moved out of quiet hours; after
/// Callbacks:Attempts the request is given up.
/// </summary>
internal sealed class CallbackPlan(CallbackOptions options, QuietHours quiet, TimeZoneInfo zone)
{
    public int Attempts => options.Attempts;

    public bool MayCall(DateTimeOffset now) => !quiet.IsQuiet(now, zone);

    public bool IsLast(int attempt) => attempt >= options.Attempts;

    /// <summary>Queued callbacks requested before this are the scheduler's (their queue's own turn has passed).</summary>
    public DateTimeOffset QueuedBefore(DateTimeOffset now) => now - options.QueuedGrace;

    /// <summary>
    /// When the attempt after <paramref name="attempt"/> (1-based, placed at <paramref name="at"/>) is due. After the
    /// last one it is when a call that never reported (the host died during it) is given up.
    /// </summary>
    public DateTimeOffset NextAttemptAt(int attempt, DateTimeOffset at)
    {
        var wait = options.RetryInterval;
        for (var i = 1; i < attempt && wait < options.MaxRetryInterval; i++)
        {
            wait += wait;
        }

        return quiet.NextAllowed(at + (wait < options.MaxRetryInterval ? wait : options.MaxRetryInterval), zone);
    }

    public static string GivenUp(int attempts) => $"unreached after {attempts} attempts";
}
