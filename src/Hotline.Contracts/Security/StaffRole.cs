namespace Hotline.Contracts.Security;

/// <summary>What a staff member may do. A supervisor may do everything an agent may.</summary>
[GenerateSerializer]
public enum StaffRole
{
    None,
    Agent,
    Supervisor,
    Editor,
}
