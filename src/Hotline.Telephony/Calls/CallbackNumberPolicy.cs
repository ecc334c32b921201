using System.Text.RegularExpressions;

namespace Hotline.Telephony.Calls;

/// <summary>
/// Decides whether a caller's number may be called back automatically. A caller id is whatever the caller's
/// network put in From, so an international or premium-rate number called back blindly is toll fraud at the
/// hotline's expense; such numbers are kept for an agent to judge instead.
/// </summary>
internal sealed class CallbackNumberPolicy
{
    /// <summary>
    /// Mainland China numbers (the Ministry of Industry and Information Technology's numbering plan):
    /// mobile 1[3-9] + 9 digits; fixed lines with the trunk prefix 0 and a 2-digit area code (010, 02x:
    /// 8-digit subscriber numbers) or a 3-digit one (03xx–09xx: 7 or 8 digits); and local subscriber numbers
    /// dialled without an area code, which start with 2–8. Not matched, so refused: international prefixes
    /// (00…, +…), short and service numbers (1xxxx such as 10086 or 12345, 95xxx, 96xxx), 400/800 numbers.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultPatterns =
    [
        @"1[3-9]\d{9}",
        @"0(10|2\d)[2-8]\d{7}",
        @"0[3-9]\d{2}[2-8]\d{6,7}",
        @"[2-8]\d{6,7}",
    ];

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    private readonly Regex[] _allowed;

    public CallbackNumberPolicy(IReadOnlyList<string>? patterns)
    {
        var source = patterns is { Count: > 0 } ? patterns : DefaultPatterns;
        _allowed = [.. source.Select(Compile)];
    }

    /// <summary>Anchored whole (\z, not $, which also matches before a final newline): a pattern allows a number, never more.</summary>
    private static Regex Compile(string pattern, int index)
    {
        try
        {
            return new Regex($"^(?:{pattern})\\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"{CallbackOptions.SectionName}:AllowedNumbers:{index} is not a valid regular expression: {exception.Message}", exception);
        }
    }

    /// <summary>Null when the number may be dialled; otherwise why it is left for an agent.</summary>
    public string? Refusal(string number)
    {
        if (string.IsNullOrEmpty(number) || !number.All(char.IsAsciiDigit))
        {
            return number.StartsWith('+') ? "international number (+)" : "not a dialable number";
        }
        foreach (var pattern in _allowed)
        {
            try
            {
                if (pattern.IsMatch(number))
                {
                    return null;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return "number check timed out";
            }
        }
        return number.StartsWith("00", StringComparison.Ordinal) ? "international number (00)" : "not in Callbacks:AllowedNumbers";
    }
}
