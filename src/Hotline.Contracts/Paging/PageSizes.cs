namespace Hotline.Contracts.Paging;

/// <summary>
/// The one page_size rule of every listing call (README "Paging"): 1–100, 0 means 20, anything else is
/// refused INVALID_ARGUMENT naming page_size (not clamped: a client asking for 1,000 should learn it gets fewer).
/// </summary>
public static class PageSizes
{
    public const int Default = 20;
    public const int Max = 100;

    /// <summary>The page size to use for <paramref name="requested"/>, or null when it breaks the rule.</summary>
    public static int? Resolve(int requested) => requested switch
    {
        0 => Default,
        >= 1 and <= Max => requested,
        _ => null,
    };

    /// <summary>What a refusal says about page_size.</summary>
    public const string Rule = "must be between 1 and 100 (0 for 20)";
}
