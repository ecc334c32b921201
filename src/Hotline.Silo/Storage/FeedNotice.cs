namespace Hotline.Silo.Storage;

/// <summary>What a department is told about a ticket (e.g. "dispatched"), with the ticket as the department may see it.</summary>
internal sealed record FeedNotice(string DepartmentId, string Kind, string PayloadJson);
