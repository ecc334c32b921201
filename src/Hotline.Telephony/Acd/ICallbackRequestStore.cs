namespace Hotline.Telephony.Acd;

/// <summary>
/// Port to the host's durable callback-request store. Implemented by the host; the ACD only reports
/// requests (as <see cref="Events.CallbackRequested"/>) and the edge's caller of the engine saves them here.
/// </summary>
public interface ICallbackRequestStore
{
    Task SaveAsync(CallbackRequest request, CancellationToken cancellationToken);
}
