namespace Hotline.Search.Analysis;

/// <summary>One analysed term and where it sits in the (folded) source text.</summary>
internal readonly record struct Token(ulong Key, int Start, int Length);
