namespace Hotline.Telephony.Sip.Syntax;

/// <summary>Character classes and small lexical helpers from the RFC 3261 §25.1 ABNF.</summary>
internal static class SipGrammar
{
    /// <summary>RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    public static bool IsToken(ReadOnlySpan<char> value) => IsRunOf(value, IsTokenChar);

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>
    /// RFC 3261 §25.1: word = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" /
    /// "(" / ")" / "&lt;" / "&gt;" / ":" / "\" / DQUOTE / "/" / "[" / "]" / "?" / "{" / "}").
    /// </summary>
    public static bool IsWordChar(char c) =>
        IsTokenChar(c) || c is '(' or ')' or '<' or '>' or ':' or '\\' or '"' or '/' or '[' or ']' or '?' or '{' or '}';

    /// <summary>RFC 3261 §25.1: callid = word [ "@" word ].</summary>
    public static bool IsCallId(ReadOnlySpan<char> value)
    {
        var at = value.IndexOf('@');
        return at < 0 ? IsRunOf(value, IsWordChar) : IsRunOf(value[..at], IsWordChar) && IsRunOf(value[(at + 1)..], IsWordChar);
    }

    /// <summary>1*(allowed): at least one character, every one allowed.</summary>
    private static bool IsRunOf(ReadOnlySpan<char> value, Func<char, bool> allowed)
    {
        if (value.IsEmpty)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!allowed(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Splits a header value on top-level commas (RFC 3261 §7.3.1), ignoring commas inside quoted strings
    /// and angle brackets. Returns false for an unterminated quote or bracket.
    /// </summary>
    public static bool TrySplitList(string value, List<string> items)
    {
        var start = 0;
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '<':
                    inAngle = true;
                    break;
                case '>':
                    inAngle = false;
                    break;
                case ',' when !inAngle:
                    AddTrimmed(value, start, i, items);
                    start = i + 1;
                    break;
            }
        }
        if (inQuotes || inAngle)
        {
            return false;
        }
        AddTrimmed(value, start, value.Length, items);
        return true;
    }

    private static void AddTrimmed(string value, int start, int end, List<string> items)
    {
        var item = value.AsSpan(start, end - start).Trim(" \t");
        if (!item.IsEmpty)
        {
            items.Add(item.ToString());
        }
    }

    /// <summary>Index of <paramref name="target"/> outside quoted strings, or -1.</summary>
    public static int IndexOfUnquoted(ReadOnlySpan<char> value, char target)
    {
        var inQuotes = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == target)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Parses a decimal that must fit <paramref name="max"/>; RFC 3261 values are digits only.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> value, long max, out long result)
    {
        result = 0;
        if (value.IsEmpty || value.Length > 19)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            result = (result * 10) + (c - '0');
            if (result > max)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Removes the quotes and backslash escapes of an RFC 3261 quoted-string, if it is one.</summary>
    public static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }
        var inner = value.AsSpan(1, value.Length - 2);
        if (inner.IndexOf('\\') < 0)
        {
            return inner.ToString();
        }
        var builder = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }
            builder.Append(inner[i]);
        }
        return builder.ToString();
    }

    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
