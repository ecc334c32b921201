using System.Text.RegularExpressions;

namespace Hotline.Telephony.Calls;

/// <summary>
/// The toll-fraud rule for numbers an agent dials out (AgentDesk.PlaceCall, the softphone, a consultation):
/// only a number that matches one configured pattern whole reaches the trunk. Plain code, no I/O.
/// </summary>
internal sealed class AgentDialPlan
{
    /// <summary>
    /// Local and mobile numbers only: mainland mobiles (11 digits in the mobile carriers' blocks, which leaves
    /// out 168/169 information lines) and 7- or 8-digit local numbers that do not start with 0, 1 or 9 (0
    /// leads to long distance and international, 1 to short codes, 9 to paid service numbers).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultPatterns =
        [@"1(?:3\d|4[5-9]|5[0-35-9]|6[67]|7[0-8]|8\d|9[0-35-9])\d{8}", @"[2-8]\d{6,7}"];

    // A pattern from configuration runs on input from a request: bound its time (catastrophic backtracking).
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    private readonly Regex[] _allowed;

    public AgentDialPlan(IEnumerable<string> patterns)
    {
        _allowed = [.. patterns.Select(Compile)];
    }

    private static Regex Compile(string pattern, int index)
    {
        try
        {
            return new Regex($"^(?:{pattern})\\z", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"{CallCenterOptions.SectionName}:AgentDialPatterns:{index} is not a valid regular expression: {exception.Message}", exception);
        }
    }

    /// <summary>Null when <paramref name="number"/> may be dialled; otherwise why not, for the agent.</summary>
    public string? Refusal(string number)
    {
        if (number is not { Length: >= 3 and <= 20 } || !number.All(char.IsAsciiDigit))
        {
            return "number must be 3 to 20 digits";
        }
        if (number.StartsWith("00", StringComparison.Ordinal))
        {
            return $"{number} is an international number: agents may not dial it";
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
                // A pattern too slow to decide is no permission.
            }
        }
        return $"{number} matches no allowed pattern (Calls:AgentDialPatterns): agents may not dial it";
    }
}
