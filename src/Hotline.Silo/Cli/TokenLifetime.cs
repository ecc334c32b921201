using System.Globalization;

namespace Hotline.Silo.Cli;

/// <summary><c>--expires-in</c>: whole days (<c>30d</c>) or hours (<c>12h</c>), or <c>never</c>.</summary>
internal static class TokenLifetime
{
    /// <summary>A token nobody thinks about still stops working within a year.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromDays(365);

    private const int MaxDays = 3650;

    /// <summary>The lifetime asked for; null means the token never expires.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (text is null)
        {
            return Default;
        }

        if (text == "never")
        {
            return null;
        }

        if (text.Length >= 2 && text[^1] is 'd' or 'h'
            && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count > 0)
        {
            var span = text[^1] == 'd' ? TimeSpan.FromDays(count) : TimeSpan.FromHours(count);
            if (span <= TimeSpan.FromDays(MaxDays))
            {
                return span;
            }
        }

        throw new CliUsageException($"--expires-in must be <n>d or <n>h (at most {MaxDays} days) or never, not '{text}'");
    }
}
