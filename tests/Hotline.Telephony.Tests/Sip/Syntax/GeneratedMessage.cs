using System.Text;

namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>A generated message as lines of tokens; renders whole, with one line cut, or with one token boundary perturbed.</summary>
internal sealed class GeneratedMessage(IReadOnlyList<GeneratedLine> lines)
{
    public IReadOnlyList<GeneratedLine> Lines => lines;

    public byte[] Wire() => Build(-1, null);

    /// <summary>The message with line <paramref name="line"/> cut after <paramref name="tokens"/> tokens.</summary>
    public byte[] WithCut(int line, int tokens) => Build(line, lines[line].Render(lines[line].Value(tokens)));

    /// <summary>The message with <paramref name="insert"/> placed before token <paramref name="token"/> of line <paramref name="line"/>.</summary>
    public byte[] WithInsert(int line, int token, string insert)
    {
        var target = lines[line];
        var value = target.Value(token) + insert + string.Concat(target.Tokens.Skip(token).Select(t => t.Text));
        return Build(line, target.Render(value));
    }

    /// <summary>The message with token <paramref name="token"/> of line <paramref name="line"/> replaced.</summary>
    public byte[] WithReplaced(int line, int token, string replacement)
    {
        var target = lines[line];
        var value = target.Value(token) + replacement + string.Concat(target.Tokens.Skip(token + 1).Select(t => t.Text));
        return Build(line, target.Render(value));
    }

    private byte[] Build(int replacedLine, string? replacement)
    {
        var text = new StringBuilder(512);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            text.Append(i == replacedLine ? replacement : line.Render(line.Value(line.Tokens.Count))).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.Append("\r\n").ToString());
    }
}
