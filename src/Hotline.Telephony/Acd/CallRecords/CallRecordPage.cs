namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>One page of call detail records; <see cref="NextPageToken"/> is null on the last page.</summary>
public sealed record CallRecordPage(IReadOnlyList<CallDetailRecord> Records, string? NextPageToken);
