using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets;

/// <summary>A command's free text and enum fields, trimmed and bounded; a bad one is refused naming its wire field.</summary>
internal static class TicketInput
{
    public const int MaxTextLength = 4000;
    public const int MaxShortTextLength = 200;

    public static string Required(string? value, string field, int maxLength = MaxTextLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw TicketRefusedException.Invalid(field, "is required");
        }

        return Limited(text, field, maxLength);
    }

    public static string? Optional(string? value, string field, int maxLength = MaxTextLength)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : Limited(text, field, maxLength);
    }

    public static T Defined<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw TicketRefusedException.Invalid(field, $"unknown {field} {value}");

    private static string Limited(string text, string field, int maxLength) =>
        text.Length <= maxLength ? text : throw TicketRefusedException.Invalid(field, $"must be at most {maxLength} characters");
}
