namespace Hotline.Telephony.Tests.Sip.Syntax;

/// <summary>One token of a generated line, and whether the line cut right after it still matches the grammar.</summary>
internal readonly record struct GrammarToken(string Text, bool ValidAfter);
