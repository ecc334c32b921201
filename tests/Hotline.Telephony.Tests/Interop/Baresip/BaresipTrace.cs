using System.Text.RegularExpressions;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>Reads baresip's SIP trace (-s): each message printed as "#", "UDP src -> dst", then the message.</summary>
internal static partial class BaresipTrace
{
    /// <summary>
    /// Responses with <paramref name="status"/> to <paramref name="method"/> requests in the trace. The
    /// phone never sends OPTIONS itself, so a 200 to OPTIONS in its trace is one it sent.
    /// </summary>
    public static int CountSentResponses(string output, int status, string method) =>
        ResponseStart().Matches(output)
            .Count(m => m.Groups["status"].Value == status.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && CSeqMethod(output, m.Index) == method);

    private static string? CSeqMethod(string output, int start)
    {
        var end = output.IndexOf("\n\n", start, StringComparison.Ordinal);
        var message = end < 0 ? output[start..] : output[start..end];
        var cseq = CSeq().Match(message);
        return cseq.Success ? cseq.Groups["method"].Value : null;
    }

    [GeneratedRegex(@"^SIP/2\.0 (?<status>\d{3}) ", RegexOptions.Multiline)]
    private static partial Regex ResponseStart();

    [GeneratedRegex(@"^CSeq: *\d+ +(?<method>[A-Z]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CSeq();
}
