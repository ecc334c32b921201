namespace Hotline.Silo.Agents;

/// <summary>
/// What an agent id and password must look like. Ids become SIP user parts (sip:1001@domain), so they
/// keep to characters that need no escaping there (RFC 3261 §25.1 "unreserved" minus the marks phones mangle).
/// </summary>
internal static class AgentRules
{
    public const int MaxIdLength = 32;
    public const int MinPasswordLength = 6;
    public const int MaxPasswordLength = 128;

    /// <summary>Null when the id is acceptable, else why not.</summary>
    public static string? CheckId(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? null
            : $"agent id must be 1–{MaxIdLength} characters of A–Z, a–z, 0–9, '.', '_' or '-', not '{id}'";

    /// <summary>Null when the password is acceptable, else why not (never echoing the password).</summary>
    public static string? CheckPassword(string password)
    {
        if (password.Length < MinPasswordLength)
        {
            return $"password must be at least {MinPasswordLength} characters";
        }

        if (password.Length > MaxPasswordLength)
        {
            return $"password must be at most {MaxPasswordLength} characters";
        }

        return password.Any(char.IsControl) ? "password must not contain control characters" : null;
    }
}
