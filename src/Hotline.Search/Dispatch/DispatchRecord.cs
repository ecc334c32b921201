namespace Hotline.Search.Dispatch;

/// <summary>A past dispatch that was claimed and resolved without return: the advisor learns from these.</summary>
public sealed record DispatchRecord(string TicketId, string Text, string Category, string District, string Department);
