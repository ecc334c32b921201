using System.Text;

namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// An ordered, immutable list of ";name=value" parameters (RFC 3261 §7.3.1, §19.1.1). Names compare
/// case-insensitively; order and spelling are kept so a message serialises as it arrived.
/// </summary>
internal sealed class SipParameters
{
    public static readonly SipParameters Empty = new([]);

    private readonly SipParameter[] _items;

    private SipParameters(SipParameter[] items)
    {
        _items = items;
    }

    public int Count => _items.Length;

    public IReadOnlyList<SipParameter> Items => _items;

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>The value of <paramref name="name"/>, null when absent or valueless.</summary>
    public string? Get(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? null : _items[index].Value;
    }

    public SipParameters With(string name, string? value)
    {
        var index = IndexOf(name);
        var copy = index < 0 ? [.. _items, new SipParameter(name, value)] : (SipParameter[])_items.Clone();
        if (index >= 0)
        {
            copy[index] = new SipParameter(copy[index].Name, value);
        }
        return new SipParameters(copy);
    }

    public SipParameters Without(string name)
    {
        var index = IndexOf(name);
        return index < 0 ? this : new SipParameters([.. _items[..index], .. _items[(index + 1)..]]);
    }

    /// <summary>
    /// Parses "name[=value]" items separated by ';' (the text after the first ';'). Names are tokens;
    /// values are tokens, quoted strings or bracketed IPv6 references. Every ';' must be followed by a
    /// parameter (RFC 3261 §25.1: SEMI generic-param), so an empty text is refused.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SipParameters parameters)
    {
        parameters = Empty;
        var items = new List<SipParameter>();
        while (true)
        {
            var end = SipGrammar.IndexOfUnquoted(text, ';');
            var part = (end < 0 ? text : text[..end]).Trim(" \t");
            if (!TryParseOne(part, out var parameter))
            {
                return false;
            }
            items.Add(parameter);
            if (end < 0)
            {
                break;
            }
            text = text[(end + 1)..];
        }
        parameters = new SipParameters([.. items]);
        return true;
    }

    private static bool TryParseOne(ReadOnlySpan<char> part, out SipParameter parameter)
    {
        parameter = default;
        var equals = part.IndexOf('=');
        var name = (equals < 0 ? part : part[..equals]).TrimEnd(" \t");
        if (!SipGrammar.IsToken(name))
        {
            return false;
        }
        if (equals < 0)
        {
            parameter = new SipParameter(name.ToString(), null);
            return true;
        }
        var value = part[(equals + 1)..].TrimStart(" \t");
        if (!IsValidValue(value))
        {
            return false;
        }
        parameter = new SipParameter(name.ToString(), value.ToString());
        return true;
    }

    private static bool IsValidValue(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }
        if (value[0] == '"')
        {
            return value.Length >= 2 && value[^1] == '"' && SipGrammar.IndexOfUnquoted(value[..^1], '"') < 0;
        }
        if (value[0] == '[')
        {
            return value[^1] == ']' && value.ContainsAny(" \t\"") is false;
        }
        foreach (var c in value)
        {
            // Tokens plus the URI-parameter characters RFC 3261 §19.1.1 allows (":" "/" "@" etc. in paramchar).
            if (!SipGrammar.IsTokenChar(c) && c is not (':' or '/' or '@' or '[' or ']' or '&' or '$' or '?'))
            {
                return false;
            }
        }
        return true;
    }

    public void AppendTo(StringBuilder builder)
    {
        foreach (var item in _items)
        {
            builder.Append(';').Append(item.Name);
            if (item.Value is not null)
            {
                builder.Append('=').Append(item.Value);
            }
        }
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
