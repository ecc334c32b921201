namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>Port to the host's durable CDR store; the edge saves each call's record when it ends.</summary>
public interface ICallDetailRecordStore
{
    Task SaveAsync(CallDetailRecord record, CancellationToken cancellationToken);
}
