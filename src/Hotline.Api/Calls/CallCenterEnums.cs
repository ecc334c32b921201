using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Ivr;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>Telephony enums to wire enums. Wire value 0 (UNSPECIFIED) stands for "none" or a value this API does not know.</summary>
internal static class CallCenterEnums
{
    public static V1.AgentState ToMessage(AgentState state) => state switch
    {
        AgentState.Offline => V1.AgentState.Offline,
        AgentState.Ready => V1.AgentState.Ready,
        AgentState.NotReady => V1.AgentState.NotReady,
        AgentState.Ringing => V1.AgentState.Ringing,
        AgentState.OnCall => V1.AgentState.OnCall,
        AgentState.WrapUp => V1.AgentState.WrapUp,
        _ => V1.AgentState.Unspecified,
    };

    public static V1.AgentCallPhase ToMessage(AgentCallPhase phase) => phase switch
    {
        AgentCallPhase.Ringing => V1.AgentCallPhase.Ringing,
        AgentCallPhase.Answered => V1.AgentCallPhase.Answered,
        AgentCallPhase.Ended => V1.AgentCallPhase.Ended,
        _ => V1.AgentCallPhase.Unspecified,
    };

    public static V1.OfferEndReason ToMessage(OfferEndReason? reason) => reason switch
    {
        OfferEndReason.Answered => V1.OfferEndReason.Answered,
        OfferEndReason.RingTimeout => V1.OfferEndReason.RingTimeout,
        OfferEndReason.Rejected => V1.OfferEndReason.Rejected,
        OfferEndReason.Unreachable => V1.OfferEndReason.Unreachable,
        OfferEndReason.CallerAbandoned => V1.OfferEndReason.CallerAbandoned,
        OfferEndReason.AgentLoggedOut => V1.OfferEndReason.AgentLoggedOut,
        _ => V1.OfferEndReason.Unspecified,
    };

    public static V1.HangUpSide ToMessage(HangUpSide? side) => side switch
    {
        HangUpSide.Caller => V1.HangUpSide.Caller,
        HangUpSide.Agent => V1.HangUpSide.Agent,
        HangUpSide.System => V1.HangUpSide.System,
        _ => V1.HangUpSide.Unspecified,
    };

    public static V1.SurveyResult ToMessage(SurveyResult result) => result switch
    {
        SurveyResult.Satisfied => V1.SurveyResult.Satisfied,
        SurveyResult.BasicallySatisfied => V1.SurveyResult.BasicallySatisfied,
        SurveyResult.Unsatisfied => V1.SurveyResult.Unsatisfied,
        _ => V1.SurveyResult.Unspecified,
    };

    public static V1.CallDisposition ToMessage(CallDisposition disposition) => disposition switch
    {
        CallDisposition.InProgress => V1.CallDisposition.InProgress,
        CallDisposition.Answered => V1.CallDisposition.Answered,
        CallDisposition.AbandonedInQueue => V1.CallDisposition.AbandonedInQueue,
        CallDisposition.AbandonedInIvr => V1.CallDisposition.AbandonedInIvr,
        CallDisposition.Overflow => V1.CallDisposition.Overflow,
        CallDisposition.CallbackRequested => V1.CallDisposition.CallbackRequested,
        _ => V1.CallDisposition.Unspecified,
    };
}
