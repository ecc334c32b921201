namespace Hotline.Load.Grpc;

/// <summary>Names of gRPC status codes (doc/statuscodes.md) and of the benchmark's own client-side failures.</summary>
internal static class StatusNames
{
    public const int TransportError = -1;
    public const int HttpError = -2;
    public const int NoStatus = -3;
    public const int BadMessage = -4;
    public const int UnexpectedState = -5;

    private static readonly string[] Codes =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    public static string Of(int code) => code switch
    {
        >= 0 when code < Codes.Length => Codes[code],
        TransportError => "transport-error",
        HttpError => "http-error",
        NoStatus => "no-grpc-status",
        BadMessage => "bad-response-message",
        UnexpectedState => "unexpected-state",
        _ => $"status-{code}",
    };
}
