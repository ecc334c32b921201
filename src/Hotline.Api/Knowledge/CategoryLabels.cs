using Hotline.Contracts.Tickets;

namespace Hotline.Api.Knowledge;

/// <summary>The Chinese category names the search library's data and rules use (咨询, 投诉 …).</summary>
public static class CategoryLabels
{
    public static string Chinese(Category category) => category switch
    {
        Category.Consultation => "咨询",
        Category.Help => "求助",
        Category.Complaint => "投诉",
        Category.Report => "举报",
        Category.Suggestion => "建议",
        Category.Praise => "表扬",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "unknown category"),
    };
}
