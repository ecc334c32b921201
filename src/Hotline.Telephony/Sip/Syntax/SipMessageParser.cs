using System.Buffers;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// Reads one SIP message from bytes. The first pass frames the header section line by line, checking
/// every limit before more input is awaited; only a complete header section is decoded and parsed.
/// Never throws on input: the result is Complete, NeedMoreData or Rejected with a typed reason.
/// </summary>
internal sealed class SipMessageParser
{
    private readonly SipParseLimits _limits;

    public SipMessageParser(SipParseLimits? limits = null)
    {
        _limits = limits ?? SipParseLimits.Default;
    }

    /// <summary>
    /// Parses from a stream (TCP). Content-Length is required (RFC 3261 §18.3). On Complete the buffer
    /// starts after the message; on NeedMoreData it may have moved past keep-alive CRLFs only.
    /// </summary>
    public SipParseStatus TryParseStream(ref ReadOnlySequence<byte> buffer, out SipMessage? message, out SipParseError? error) =>
        TryParse(ref buffer, isStream: true, out message, out error);

    /// <summary>
    /// Parses one datagram (UDP). Without Content-Length the body runs to the datagram's end; bytes past
    /// Content-Length are discarded, and a Content-Length beyond them is an error (RFC 3261 §18.3).
    /// </summary>
    public SipParseStatus TryParseDatagram(ReadOnlySequence<byte> datagram, out SipMessage? message, out SipParseError? error)
    {
        var status = TryParse(ref datagram, isStream: false, out message, out error);
        if (status == SipParseStatus.NeedMoreData)
        {
            error = new SipParseError(SipParseFailure.MalformedHeader, "Datagram ends inside the header section.");
            return SipParseStatus.Rejected;
        }
        return status;
    }

    private SipParseStatus TryParse(ref ReadOnlySequence<byte> buffer, bool isStream, out SipMessage? message, out SipParseError? error)
    {
        message = null;
        var reader = new SequenceReader<byte>(buffer);
        // RFC 3261 §7.5: CRLFs before the start line are ignored (RFC 5626 §3.5.1 keep-alives on streams).
        while (reader.TryPeek(out var first) && first is (byte)'\r' or (byte)'\n')
        {
            reader.Advance(1);
        }
        buffer = buffer.Slice(reader.Position);
        var status = SipHeaderSectionFramer.Frame(ref reader, _limits, out var headerLength, out error);
        if (status != SipParseStatus.Complete)
        {
            return status;
        }
        var headerSection = buffer.Slice(0, headerLength);
        if (!SipHeaderSectionParser.TryParse(headerSection, out var startLine, out var headers, out error))
        {
            return SipParseStatus.Rejected;
        }
        var remaining = buffer.Length - headerLength;
        status = TryGetBodyLength(headers, isStream, remaining, out var bodyLength, out error);
        if (status != SipParseStatus.Complete)
        {
            return status;
        }
        var body = bodyLength == 0 ? ReadOnlyMemory<byte>.Empty : buffer.Slice(headerLength, bodyLength).ToArray();
        if (!SipStartLineParser.TryBuild(startLine, headers, body, out message, out error))
        {
            return SipParseStatus.Rejected;
        }
        buffer = isStream ? buffer.Slice(headerLength + bodyLength) : buffer.Slice(buffer.End);
        return SipParseStatus.Complete;
    }

    private SipParseStatus TryGetBodyLength(SipHeaderCollection headers, bool isStream, long available, out long bodyLength, out SipParseError? error)
    {
        error = null;
        bodyLength = 0;
        var text = headers[SipHeaderNames.ContentLength];
        if (text is null)
        {
            if (isStream)
            {
                error = new SipParseError(SipParseFailure.MissingContentLength, "Content-Length is required on stream transports.");
                return SipParseStatus.Rejected;
            }
            bodyLength = available;
        }
        else if (!SipGrammar.TryParseDecimal(text, uint.MaxValue, out bodyLength))
        {
            error = new SipParseError(SipParseFailure.InvalidContentLength, "Content-Length is not a valid number.");
            return SipParseStatus.Rejected;
        }
        if (bodyLength > _limits.MaxBodyLength)
        {
            error = new SipParseError(SipParseFailure.BodyTooLarge, "Body exceeds its limit.");
            return SipParseStatus.Rejected;
        }
        if (bodyLength > available)
        {
            if (isStream)
            {
                return SipParseStatus.NeedMoreData;
            }
            error = new SipParseError(SipParseFailure.TruncatedBody, "Content-Length is larger than the datagram's body.");
            return SipParseStatus.Rejected;
        }
        return SipParseStatus.Complete;
    }
}
