namespace Hotline.Telephony.Sip.Syntax;

/// <summary>One header line after unfolding: canonical name and the value with outer whitespace trimmed.</summary>
internal readonly record struct SipHeader(string Name, string Value);
