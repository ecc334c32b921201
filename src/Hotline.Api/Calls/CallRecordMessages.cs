using Hotline.Api.Desks;
using Hotline.Telephony.Acd.CallRecords;
using Riok.Mapperly.Abstractions;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>
/// Call detail records to hotline.v1.CallRecord (Mapperly). What did not happen (a null time or span) is
/// left unset on the wire. The recording's server path is not sent: clients learn only that a recording
/// exists and fetch it with GetRecording.
/// </summary>
[Mapper(AllowNullPropertyAssignment = false)]
[UseStaticMapper(typeof(CallCenterEnums))]
[UseStaticMapper(typeof(WireTime))]
internal static partial class CallRecordMessages
{
    [MapPropertyFromSource(nameof(V1.CallRecord.RecordingAvailable), Use = nameof(HasRecording))]
    [MapperIgnoreSource(nameof(CallDetailRecord.RecordingPath))]
    public static partial V1.CallRecord ToMessage(CallDetailRecord record);

    private static partial V1.AgentOffer ToMessage(AgentOfferRecord offer);

    private static partial V1.CallTransfer ToMessage(TransferRecord transfer);

    private static partial V1.SupervisorAction ToMessage(SupervisorActionRecord action);
    private static partial V1.CallbackStatus ToMessage(CallbackProgress callback);

    private static partial V1.CallbackAttempt ToMessage(CallbackAttempt attempt);

    private static bool HasRecording(CallDetailRecord record) => !string.IsNullOrEmpty(record.RecordingPath);
}
