namespace Hotline.Search.Usage;

/// <summary>
/// What past tickets similar to a question say: articles agents used on them, strongest first,
/// and the (grouped) departments that resolved them, each with its summed similarity vote.
/// </summary>
public sealed record HistoryLift(IReadOnlyList<(string ArticleId, float Lift)> Articles, IReadOnlyDictionary<string, float> Departments)
{
    public static HistoryLift None { get; } = new([], new Dictionary<string, float>());
}
