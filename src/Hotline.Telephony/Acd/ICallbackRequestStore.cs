namespace Hotline.Telephony.Acd;

/// <summary>
/// Port to the host's durable callback-request store. Implemented by the host; the ACD only reports
/// requests (as <see cref="Events.CallbackRequested"/>) and the edge saves them here before the caller
/// is told "we will call you back". A later scheduler places them with the edge's outbound-call operation.
/// </summary>
public interface ICallbackRequestStore
{
    /// <summary>Keeps the request; saving the same call id twice keeps the first.</summary>
    Task SaveAsync(CallbackRequest request, CancellationToken cancellationToken);

    /// <summary>Requests not yet completed, oldest first.</summary>
    Task<IReadOnlyList<CallbackRequest>> ListPendingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Marks a request done (the citizen was reached, or gave up on); false when unknown.</summary>
    Task<bool> CompleteAsync(string callId, string outcome, CancellationToken cancellationToken);

    /// <summary>
    /// The citizen called in again: completes, with <paramref name="outcome"/>, every pending request of
    /// <paramref name="number"/> made before <paramref name="before"/>; returns how many.
    /// </summary>
    Task<int> CancelForNumberAsync(string number, DateTimeOffset before, string outcome, CancellationToken cancellationToken);
}
