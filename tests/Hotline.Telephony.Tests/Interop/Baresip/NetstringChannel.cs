using System.Globalization;
using System.Text;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>Netstrings over a stream ("12:hello world!,"), the framing of baresip's ctrl_tcp.</summary>
internal sealed class NetstringChannel(Stream stream)
{
    private const int MaxLength = 1 << 20;

    private const int MaxDigits = 7;

    public async Task WriteAsync(string payload, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        var frame = Encoding.ASCII.GetBytes(body.Length.ToString(CultureInfo.InvariantCulture) + ":").Concat(body).Append((byte)',').ToArray();
        await stream.WriteAsync(frame, cancellationToken);
    }

    /// <summary>The next payload, or null when the peer closed the stream between netstrings.</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        var digits = 0;
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return digits == 0 ? null : throw new InvalidDataException("stream ended inside a netstring length");
            }
            if (one[0] == ':' && digits > 0)
            {
                break;
            }
            if (one[0] is < (byte)'0' or > (byte)'9' || ++digits > MaxDigits)
            {
                throw new InvalidDataException($"bad netstring length byte 0x{one[0]:x2}");
            }
            length = (length * 10) + (one[0] - '0');
        }
        if (length > MaxLength)
        {
            throw new InvalidDataException($"netstring of {length} bytes is over the {MaxLength} limit");
        }
        var body = new byte[length + 1];
        await stream.ReadExactlyAsync(body, cancellationToken);
        if (body[^1] != ',')
        {
            throw new InvalidDataException("netstring not closed by ','");
        }
        return Encoding.UTF8.GetString(body, 0, length);
    }
}
