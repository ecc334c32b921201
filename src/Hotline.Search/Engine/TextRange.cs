namespace Hotline.Search.Engine;

/// <summary>A run of UTF-16 code units: start offset and length.</summary>
public readonly record struct TextRange(int Start, int Length);
