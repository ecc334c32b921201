namespace Hotline.Contracts.Security;

/// <summary>Who holds a token: hotline staff, or a handling department's system.</summary>
[GenerateSerializer]
public enum CallerKind
{
    Staff,
    Department,
}
