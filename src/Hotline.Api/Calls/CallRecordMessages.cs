using Google.Protobuf.WellKnownTypes;
using Hotline.Telephony.Acd.CallRecords;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>
/// Call detail records to hotline.v1.CallRecord. The recording's server path is not sent: clients learn
/// only that a recording exists and fetch it with GetRecording.
/// </summary>
internal static class CallRecordMessages
{
    public static V1.CallRecord ToMessage(CallDetailRecord record)
    {
        var message = new V1.CallRecord
        {
            CallId = record.CallId,
            Caller = record.Caller,
            Called = record.Called,
            ArrivedAt = Time(record.ArrivedAt),
            QueueId = record.QueueId ?? "",
            Priority = record.Priority,
            QueuedAt = Time(record.QueuedAt),
            AnsweredAt = Time(record.AnsweredAt),
            AnsweredBy = record.AnsweredBy ?? "",
            HangUpSide = CallCenterEnums.ToMessage(record.HangUpSide),
            EndedAt = Time(record.EndedAt),
            RecordingAvailable = !string.IsNullOrEmpty(record.RecordingPath),
            CallbackNumber = record.CallbackNumber ?? "",
            OverflowTarget = record.OverflowTarget ?? "",
            Survey = CallCenterEnums.ToMessage(record.Survey),
            Disposition = CallCenterEnums.ToMessage(record.Disposition),
            WaitTime = Span(record.WaitTime),
            TimeToAnswer = Span(record.TimeToAnswer),
            TalkTime = Span(record.TalkTime),
        };
        message.IvrPath.AddRange(record.IvrPath);
        message.Offers.AddRange(record.Offers.Select(offer => new V1.AgentOffer
        {
            AgentId = offer.AgentId,
            OfferedAt = Timestamp.FromDateTimeOffset(offer.OfferedAt),
            EndedAt = Time(offer.EndedAt),
            Reason = CallCenterEnums.ToMessage(offer.Reason),
        }));
        message.Transfers.AddRange(record.Transfers.Select(transfer => new V1.CallTransfer
        {
            At = Timestamp.FromDateTimeOffset(transfer.At),
            FromAgentId = transfer.FromAgentId,
            Target = transfer.Target,
            Attended = transfer.Attended,
        }));
        return message;
    }

    // Assigning null to a message field leaves it unset on the wire, which is what "did not happen" means here.
    private static Timestamp? Time(DateTimeOffset? value) => value is { } time ? Timestamp.FromDateTimeOffset(time) : null;

    private static Duration? Span(TimeSpan? value) => value is { } span ? Duration.FromTimeSpan(span) : null;
}
