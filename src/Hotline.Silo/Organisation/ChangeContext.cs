namespace Hotline.Silo.Organisation;

/// <summary>Who makes a directory change and why; kept in the change history.</summary>
internal sealed record ChangeContext(string Actor, string Reason);
