namespace Hotline.Silo.Tickets.Alarms;

/// <summary>The current round of return-visit calls (one round per time the ticket begins awaiting a callback).</summary>
/// <param name="Since">When the ticket began awaiting the callback.</param>
/// <param name="Attempts">Calls started so far.</param>
/// <param name="LastAttemptAt">When the last call started.</param>
/// <param name="Reached">A call reached the citizen: an agent records the answer; no more calls.</param>
/// <param name="Unanswered">Every attempt failed; recorded, no more calls.</param>
/// <param name="MovedTo">A supervisor moved the next step to this time (cleared when the step is taken).</param>
/// <param name="Cancelled">A supervisor cancelled the automatic visit: no more calls (agents may still call and record).</param>
internal sealed record ReturnVisitProgress(
    DateTimeOffset Since, int Attempts, DateTimeOffset? LastAttemptAt, bool Reached, bool Unanswered, DateTimeOffset? MovedTo = null, bool Cancelled = false);
