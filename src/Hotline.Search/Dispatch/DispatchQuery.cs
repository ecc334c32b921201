namespace Hotline.Search.Dispatch;

/// <summary>A ticket to dispatch: its text, category (咨询, 投诉 …) and district; empty means unknown.</summary>
public sealed record DispatchQuery(string Text, string? Category = null, string? District = null, int Limit = 3);
