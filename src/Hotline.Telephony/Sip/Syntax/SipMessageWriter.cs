using System.Buffers;
using System.Globalization;
using System.Text;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// Serialises a message: start line, header lines in order, a Content-Length computed from the body
/// (always written, so the bytes frame correctly on streams, RFC 3261 §18.3), blank line, body.
/// </summary>
internal static class SipMessageWriter
{
    public static byte[] ToBytes(SipMessage message)
    {
        var writer = new ArrayBufferWriter<byte>(512 + message.Body.Length);
        Write(message, writer);
        return writer.WrittenSpan.ToArray();
    }

    public static void Write(SipMessage message, IBufferWriter<byte> output)
    {
        var builder = new StringBuilder(512);
        builder.Append(message.StartLine).Append("\r\n");
        foreach (var header in message.Headers.All)
        {
            if (!string.Equals(header.Name, SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                builder.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
            }
        }
        builder.Append(SipHeaderNames.ContentLength).Append(": ")
            .Append(message.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var head = output.GetSpan(Encoding.UTF8.GetMaxByteCount(builder.Length));
        var written = 0;
        foreach (var chunk in builder.GetChunks())
        {
            written += Encoding.UTF8.GetBytes(chunk.Span, head[written..]);
        }
        output.Advance(written);
        if (!message.Body.IsEmpty)
        {
            output.Write(message.Body.Span);
        }
    }
}
