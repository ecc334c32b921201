namespace Hotline.Silo.Storage;

/// <summary>
/// A client's request id (AIP-155) with the caller who sent it: a commit carrying one is stored with it in the
/// same transaction, and a second commit with the same key is not applied.
/// </summary>
internal sealed record TicketRequestKey(string Caller, string RequestId)
{
    /// <summary>The key of <paramref name="requestId"/> sent by <paramref name="caller"/>; null without a request id.</summary>
    public static TicketRequestKey? For(Contracts.Security.Caller caller, string? requestId) =>
        string.IsNullOrEmpty(requestId) ? null : new TicketRequestKey($"{caller.Kind}:{caller.Id}", requestId);
}
