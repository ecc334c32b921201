namespace Hotline.Telephony.Sip.Syntax;

/// <summary>Status codes the edge sends, with their RFC 3261 §21 reason phrases.</summary>
internal static class SipStatus
{
    public static string ReasonPhrase(int statusCode) => statusCode switch
    {
        100 => "Trying",
        180 => "Ringing",
        183 => "Session Progress",
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Unsupported URI Scheme",
        420 => "Bad Extension",
        423 => "Interval Too Brief",
        469 => "Bad Info Package",
        480 => "Temporarily Unavailable",
        481 => "Call/Transaction Does Not Exist",
        482 => "Loop Detected",
        483 => "Too Many Hops",
        484 => "Address Incomplete",
        486 => "Busy Here",
        487 => "Request Terminated",
        488 => "Not Acceptable Here",
        491 => "Request Pending",
        500 => "Server Internal Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "Version Not Supported",
        513 => "Message Too Large",
        603 => "Decline",
        _ => statusCode switch
        {
            < 200 => "Trying",
            < 300 => "OK",
            < 400 => "Redirect",
            < 500 => "Client Error",
            < 600 => "Server Error",
            _ => "Global Failure",
        },
    };
}
