namespace Hotline.Api.Grpc.Protocol;

/// <summary>
/// Parses grpc-timeout (PROTOCOL-HTTP2.md): "Timeout → TimeoutValue TimeoutUnit", the value a
/// positive integer of at most 8 ASCII digits, the unit one of H M S m u n.
/// </summary>
internal static class GrpcTimeout
{
    private const int MaxDigits = 8;

    public static bool TryParse(ReadOnlySpan<char> value, out TimeSpan timeout)
    {
        timeout = default;
        if (value.Length < 2 || value.Length > MaxDigits + 1)
        {
            return false;
        }

        long amount = 0;
        foreach (char digit in value[..^1])
        {
            if (digit is < '0' or > '9')
            {
                return false;
            }

            amount = (amount * 10) + (digit - '0');
        }

        // At most 99,999,999 hours: about 11,400 years, inside TimeSpan's range, so no overflow below.
        timeout = value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromTicks(amount * TimeSpan.TicksPerMicrosecond),
            'n' => TimeSpan.FromTicks(amount / TimeSpan.NanosecondsPerTick),
            _ => TimeSpan.MinValue,
        };
        return timeout != TimeSpan.MinValue;
    }
}
