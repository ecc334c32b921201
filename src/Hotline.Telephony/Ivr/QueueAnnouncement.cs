using Hotline.Telephony.Acd;

namespace Hotline.Telephony.Ivr;

/// <summary>
/// Builds the "您前面还有 N 位来电在等待。预计等待 M 分钟。" announcement from prompt pieces; numbers are
/// read digit by digit from the digit prompts.
/// </summary>
public static class QueueAnnouncement
{
    public static IReadOnlyList<string> Compose(QueueStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var prompts = new List<string>();
        int ahead = status.Position - 1;
        if (ahead > 0)
        {
            prompts.Add(PromptNames.PositionBefore);
            prompts.AddRange(Digits(ahead));
            prompts.Add(PromptNames.PositionAfter);
        }

        if (status.EstimatedWait is { } wait && wait > TimeSpan.Zero)
        {
            // Rounded up: "about 0 minutes" would be a promise we cannot keep.
            int minutes = (int)Math.Ceiling(wait.TotalMinutes);
            prompts.Add(PromptNames.WaitBefore);
            prompts.AddRange(Digits(minutes));
            prompts.Add(PromptNames.WaitMinutes);
        }

        return prompts;
    }

    private static IEnumerable<string> Digits(int number) =>
        number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => PromptNames.Digit(c - '0'));
}
