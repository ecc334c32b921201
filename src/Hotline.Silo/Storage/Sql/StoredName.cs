using System.Text.Json;

namespace Hotline.Silo.Storage.Sql;

/// <summary>
/// Enum values as stored text (snake_case: not_ready, abandoned_in_queue), so stored rows survive a
/// reordering of the enum and read well in SQL.
/// </summary>
internal static class StoredName
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <exception cref="InvalidDataException">The text names no value of <typeparamref name="T"/>.</exception>
    public static T Parse<T>(string text) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (Of(value) == text)
            {
                return value;
            }
        }

        throw new InvalidDataException($"'{text}' is not a stored {typeof(T).Name}.");
    }
}
