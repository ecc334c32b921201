using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Ivr;
using Riok.Mapperly.Abstractions;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>Telephony enums to wire enums, by name (Mapperly). Wire value 0 (UNSPECIFIED) stands for "none".</summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName)]
internal static partial class CallCenterEnums
{
    [MapperIgnoreTargetValue(V1.AgentState.Unspecified)]
    public static partial V1.AgentState ToMessage(AgentState state);

    [MapperIgnoreTargetValue(V1.AgentCallPhase.Unspecified)]
    public static partial V1.AgentCallPhase ToMessage(AgentCallPhase phase);

    public static V1.OfferEndReason ToMessage(OfferEndReason? reason) => reason is { } known ? ToWire(known) : V1.OfferEndReason.Unspecified;

    public static V1.HangUpSide ToMessage(HangUpSide? side) => side is { } known ? ToWire(known) : V1.HangUpSide.Unspecified;

    [MapEnumValue(SurveyResult.None, V1.SurveyResult.Unspecified)]
    public static partial V1.SurveyResult ToMessage(SurveyResult result);

    [MapperIgnoreTargetValue(V1.CallDisposition.Unspecified)]
    public static partial V1.CallDisposition ToMessage(CallDisposition disposition);

    [MapperIgnoreTargetValue(V1.SupervisorActionKind.Unspecified)]
    public static partial V1.SupervisorActionKind ToMessage(SupervisorActionKind action);
    [MapperIgnoreTargetValue(V1.CallbackKind.Unspecified)]
    public static partial V1.CallbackKind ToMessage(CallbackKind kind);

    [MapperIgnoreTargetValue(V1.OfferEndReason.Unspecified)]
    private static partial V1.OfferEndReason ToWire(OfferEndReason reason);

    [MapperIgnoreTargetValue(V1.HangUpSide.Unspecified)]
    private static partial V1.HangUpSide ToWire(HangUpSide side);
}
