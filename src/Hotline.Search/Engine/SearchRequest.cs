namespace Hotline.Search.Engine;

/// <summary>A knowledge-base query. Filters are exact (after folding); null or empty means any.</summary>
/// <param name="AppliesTo">个人 or 企业: also matches articles for 个人和企业.</param>
public sealed record SearchRequest(
    string Query,
    string? Category = null,
    string? Department = null,
    string? AppliesTo = null,
    int Offset = 0,
    int Limit = 10);
