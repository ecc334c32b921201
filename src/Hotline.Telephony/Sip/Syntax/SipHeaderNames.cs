namespace Hotline.Telephony.Sip.Syntax;

/// <summary>Header names in their canonical spelling, and the compact forms of RFC 3261 §7.3.3 and later RFCs.</summary>
internal static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string ContentEncoding = "Content-Encoding";
    public const string MaxForwards = "Max-Forwards";
    public const string Expires = "Expires";
    public const string MinExpires = "Min-Expires";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Allow = "Allow";
    public const string Supported = "Supported";
    public const string Require = "Require";
    public const string Unsupported = "Unsupported";
    public const string Subject = "Subject";
    public const string Timestamp = "Timestamp";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string Accept = "Accept";
    public const string Date = "Date";
    public const string Authorization = "Authorization";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string AuthenticationInfo = "Authentication-Info";
    public const string RetryAfter = "Retry-After";
    public const string Event = "Event";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";

    private static readonly Dictionary<string, string> Canonical = BuildCanonical();

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CanonicalBySpan =
        Canonical.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The canonical spelling of a header name: compact forms expanded, known names in their RFC case,
    /// unknown names as written (they still compare case-insensitively, §7.3.1).
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> name) =>
        CanonicalBySpan.TryGetValue(name, out var canonical) ? canonical : name.ToString();

    private static Dictionary<string, string> BuildCanonical()
    {
        var names = new[]
        {
            Via, From, To, CallId, CSeq, Contact, ContentLength, ContentType, ContentEncoding, MaxForwards,
            Expires, MinExpires, Route, RecordRoute, Allow, Supported, Require, Unsupported, Subject, Timestamp,
            UserAgent, Server, Accept, Date, Authorization, WwwAuthenticate, ProxyAuthorization,
            ProxyAuthenticate, AuthenticationInfo, RetryAfter, Event, ReferTo, ReferredBy,
            "Allow-Events", "Session-Expires", "Accept-Contact", "Reject-Contact", "Request-Disposition",
            "Identity", "Identity-Info", "Proxy-Require", "Warning", "Organization", "Priority", "Reply-To",
            "In-Reply-To", "Accept-Encoding", "Accept-Language", "Alert-Info", "Call-Info", "Content-Disposition",
            "Content-Language", "Error-Info", "MIME-Version", "Min-SE", "RSeq", "RAck", "P-Asserted-Identity",
        };
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            map[name] = name;
        }
        // RFC 3261 §7.3.3 and the RFCs that added compact forms (3265, 3515, 3841, 3892, 4028, 4474).
        map["i"] = CallId;
        map["m"] = Contact;
        map["e"] = ContentEncoding;
        map["l"] = ContentLength;
        map["c"] = ContentType;
        map["f"] = From;
        map["s"] = Subject;
        map["k"] = Supported;
        map["t"] = To;
        map["v"] = Via;
        map["o"] = Event;
        map["u"] = "Allow-Events";
        map["r"] = ReferTo;
        map["b"] = ReferredBy;
        map["x"] = "Session-Expires";
        map["a"] = "Accept-Contact";
        map["j"] = "Reject-Contact";
        map["d"] = "Request-Disposition";
        map["y"] = "Identity";
        map["n"] = "Identity-Info";
        return map;
    }
}
