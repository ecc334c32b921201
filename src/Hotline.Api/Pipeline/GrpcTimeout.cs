namespace Hotline.Api.Pipeline;

/// <summary>
/// grpc-timeout (PROTOCOL-HTTP2.md): "TimeoutValue TimeoutUnit", the value a positive integer of at most
/// 8 ASCII digits, the unit one of H M S m u n. Only the syntax is checked here; the library keeps the deadline.
/// </summary>
internal static class GrpcTimeout
{
    private const int MaxDigits = 8;

    public static bool IsWellFormed(ReadOnlySpan<char> value) =>
        value.Length is >= 2 and <= MaxDigits + 1
        && value[^1] is 'H' or 'M' or 'S' or 'm' or 'u' or 'n'
        && !value[..^1].ContainsAnyExceptInRange('0', '9');
}
