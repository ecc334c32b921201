namespace Hotline.Telephony.B2bua;

/// <summary>The end of the INVITE: the outcome, the status that decided it, and the media when answered.</summary>
internal sealed record OutboundLegResult(OutboundLegOutcome Outcome, int StatusCode, string Reason, NegotiatedMedia? Media);
