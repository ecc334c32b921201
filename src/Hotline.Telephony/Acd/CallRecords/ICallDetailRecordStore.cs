namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>
/// Port to the host's durable CDR store. The edge saves each call's record when it ends (a save of a
/// known call id replaces it: a record may be saved again when a late survey answer arrives);
/// Supervision reads them back.
/// </summary>
public interface ICallDetailRecordStore
{
    Task SaveAsync(CallDetailRecord record, CancellationToken cancellationToken);

    Task<CallDetailRecord?> FindAsync(string callId, CancellationToken cancellationToken);

    /// <summary>
    /// Records whose arrival lies in [from, to), oldest first. <paramref name="pageSize"/> is 1–500;
    /// <paramref name="pageToken"/> is the previous page's <see cref="CallRecordPage.NextPageToken"/>.
    /// </summary>
    Task<CallRecordPage> ListAsync(DateTimeOffset from, DateTimeOffset to, int pageSize, string? pageToken, CancellationToken cancellationToken);
}
