namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>A start line (empty name) or a header line built from grammar tokens.</summary>
internal sealed record GeneratedLine(string Name, IReadOnlyList<GrammarToken> Tokens, LineCheck Check)
{
    public bool IsStartLine => Name.Length == 0;

    /// <summary>The line's value (or the whole start line) cut after <paramref name="count"/> tokens.</summary>
    public string Value(int count) => string.Concat(Tokens.Take(count).Select(t => t.Text));

    /// <summary>Whether the cut after <paramref name="count"/> tokens matches the grammar; only free text may be empty.</summary>
    public bool ValidAfter(int count) => count > 0 ? Tokens[count - 1].ValidAfter : Check == LineCheck.Text;

    public string Render(string value) => IsStartLine ? value : Name + ": " + value;
}
