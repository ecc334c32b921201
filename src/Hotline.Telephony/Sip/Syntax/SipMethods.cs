namespace Hotline.Telephony.Sip.Syntax;

/// <summary>Method tokens (case-sensitive, RFC 3261 §7.1); methods are extensible, so these are strings.</summary>
internal static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Register = "REGISTER";
    public const string Options = "OPTIONS";
    public const string Info = "INFO";
    public const string Refer = "REFER";
    public const string Notify = "NOTIFY";
    public const string Subscribe = "SUBSCRIBE";
    public const string Update = "UPDATE";
    public const string Prack = "PRACK";
    public const string Message = "MESSAGE";
}
