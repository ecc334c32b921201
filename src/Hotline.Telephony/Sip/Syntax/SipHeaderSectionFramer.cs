using System.Buffers;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// The first pass over a message: finds where the header section ends without decoding it, checking the
/// start-line, header-line, header-count and section limits before any more input is awaited.
/// </summary>
internal static class SipHeaderSectionFramer
{
    /// <summary>Finds the blank line ending the header section, enforcing line, count and size limits as it goes.</summary>
    public static SipParseStatus Frame(ref SequenceReader<byte> reader, SipParseLimits limits, out long headerLength, out SipParseError? error)
    {
        var start = reader.Consumed;
        headerLength = 0;
        error = null;
        var lineNumber = 0;
        while (true)
        {
            var lineLimit = lineNumber == 0 ? limits.MaxStartLineLength : limits.MaxHeaderLineLength;
            if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                return CheckPendingLine(limits, reader.Remaining, reader.Consumed - start, lineLimit, lineNumber, out error);
            }
            var length = line.Length;
            if (length > lineLimit)
            {
                error = LineTooLong(lineNumber);
                return SipParseStatus.Rejected;
            }
            if (reader.Consumed - start > limits.MaxHeaderSectionLength)
            {
                error = new SipParseError(SipParseFailure.HeaderSectionTooLarge, "Header section exceeds its limit.");
                return SipParseStatus.Rejected;
            }
            if (lineNumber > 0 && (length == 0 || (length == 1 && line.FirstSpan[0] == '\r')))
            {
                headerLength = reader.Consumed - start;
                return SipParseStatus.Complete;
            }
            if (++lineNumber > limits.MaxHeaderCount + 1)
            {
                error = new SipParseError(SipParseFailure.TooManyHeaders, "Too many header lines.");
                return SipParseStatus.Rejected;
            }
        }
    }

    private static SipParseStatus CheckPendingLine(SipParseLimits limits, long pending, long sectionSoFar, int lineLimit, int lineNumber, out SipParseError? error)
    {
        error = null;
        if (pending > lineLimit)
        {
            error = LineTooLong(lineNumber);
            return SipParseStatus.Rejected;
        }
        if (sectionSoFar + pending > limits.MaxHeaderSectionLength)
        {
            error = new SipParseError(SipParseFailure.HeaderSectionTooLarge, "Header section exceeds its limit.");
            return SipParseStatus.Rejected;
        }
        return SipParseStatus.NeedMoreData;
    }

    private static SipParseError LineTooLong(int lineNumber) => lineNumber == 0
        ? new SipParseError(SipParseFailure.RequestUriTooLong, "Start line exceeds its limit.")
        : new SipParseError(SipParseFailure.HeaderSectionTooLarge, "Header line exceeds its limit.");
}
