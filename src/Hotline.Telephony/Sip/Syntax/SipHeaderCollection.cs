namespace Hotline.Telephony.Sip.Syntax;

/// <summary>
/// The header lines of a message in arrival order (RFC 3261 §7.3.1: the relative order of same-named
/// lines is significant). Immutable; names compare case-insensitively.
/// </summary>
internal sealed class SipHeaderCollection
{
    public static readonly SipHeaderCollection Empty = new([]);

    private readonly SipHeader[] _headers;

    public SipHeaderCollection(IEnumerable<SipHeader> headers)
    {
        _headers = [.. headers];
    }

    public int Count => _headers.Length;

    public IReadOnlyList<SipHeader> All => _headers;

    /// <summary>The value of the first line named <paramref name="name"/>, or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var header in _headers)
            {
                if (Matches(header, name))
                {
                    return header.Value;
                }
            }
            return null;
        }
    }

    public bool Contains(string name) => this[name] is not null;

    /// <summary>Every line's value for <paramref name="name"/>, unsplit (for headers whose values hold commas).</summary>
    public IEnumerable<string> GetLines(string name)
    {
        foreach (var header in _headers)
        {
            if (Matches(header, name))
            {
                yield return header.Value;
            }
        }
    }

    /// <summary>
    /// The values of a list header (Via, Contact, Route, Allow, …) across all its lines, split on
    /// top-level commas (§7.3.1). Returns false when a value has an unbalanced quote or bracket.
    /// </summary>
    public bool TryGetValues(string name, out List<string> values)
    {
        values = [];
        foreach (var header in _headers)
        {
            if (Matches(header, name) && !SipGrammar.TrySplitList(header.Value, values))
            {
                return false;
            }
        }
        return true;
    }

    public SipHeaderCollection With(string name, string value) => new([.. _headers, new SipHeader(name, value)]);

    /// <summary>Replaces every line named <paramref name="name"/> with one line (appended when absent).</summary>
    public SipHeaderCollection Set(string name, string value)
    {
        var result = new List<SipHeader>(_headers.Length + 1);
        var replaced = false;
        foreach (var header in _headers)
        {
            if (!Matches(header, name))
            {
                result.Add(header);
            }
            else if (!replaced)
            {
                result.Add(new SipHeader(header.Name, value));
                replaced = true;
            }
        }
        if (!replaced)
        {
            result.Add(new SipHeader(name, value));
        }
        return new SipHeaderCollection(result);
    }

    /// <summary>Replaces the first value of a list header, keeping any values that shared its line.</summary>
    public SipHeaderCollection ReplaceFirstValue(string name, string value)
    {
        var copy = (SipHeader[])_headers.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            if (Matches(copy[i], name))
            {
                var values = new List<string>();
                SipGrammar.TrySplitList(copy[i].Value, values);
                values[0] = value;
                copy[i] = new SipHeader(copy[i].Name, string.Join(", ", values));
                return new SipHeaderCollection(copy);
            }
        }
        return With(name, value);
    }

    public SipHeaderCollection Without(string name) => new(_headers.Where(header => !Matches(header, name)));

    private static bool Matches(SipHeader header, string name) =>
        string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}
