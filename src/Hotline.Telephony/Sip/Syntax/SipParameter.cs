namespace Hotline.Telephony.Sip.Syntax;

/// <summary>One ";name[=value]" parameter; the value keeps its wire form (quotes included).</summary>
internal readonly record struct SipParameter(string Name, string? Value);
