using System.Security.Claims;
using Hotline.Contracts.Security;
using Hotline.Silo.Staff;

namespace Hotline.Silo.WebConsole;

/// <summary>The signed-in console user as the handlers need it: id, role, department, and the caller the grains check.</summary>
internal sealed record ConsoleUser(string Id, ConsoleRole Role, string? DepartmentId)
{
    /// <summary>Null for a principal without a console role (a department's token).</summary>
    public static ConsoleUser? From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = Enum.GetValues<ConsoleRole>().Cast<ConsoleRole?>().FirstOrDefault(r => principal.IsInRole(r!.Value.ToString()));
        return id is null || role is null ? null : new ConsoleUser(id, role.Value, principal.FindFirstValue(ConsoleSchemes.DepartmentClaim));
    }

    /// <summary>How the ticket grains and queries know this user: staff with a role, or a liaison as its department.</summary>
    public Caller Caller => Role switch
    {
        ConsoleRole.Liaison => new Caller(CallerKind.Department, DepartmentId ?? "", StaffRole.None),
        ConsoleRole.Supervisor => new Caller(CallerKind.Staff, Id, StaffRole.Supervisor),
        ConsoleRole.Editor => new Caller(CallerKind.Staff, Id, StaffRole.Editor),
        _ => new Caller(CallerKind.Staff, Id, StaffRole.Agent),
    };

    /// <summary>Where the user lands after signing in.</summary>
    public string Home => Role switch
    {
        ConsoleRole.Supervisor => "/wallboard",
        ConsoleRole.Liaison => "/liaison",
        ConsoleRole.Editor => "/reports",
        _ => "/agent",
    };

    public string RoleLabel => Role switch
    {
        ConsoleRole.Supervisor => "值班长",
        ConsoleRole.Liaison => "部门联络员",
        ConsoleRole.Editor => "知识库编辑",
        _ => "坐席",
    };

    public ClaimsPrincipal ToPrincipal()
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, Id), new(ClaimTypes.Name, Id), new(ClaimTypes.Role, Role.ToString())];
        if (DepartmentId is not null)
        {
            claims.Add(new Claim(ConsoleSchemes.DepartmentClaim, DepartmentId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleSchemes.Cookie));
    }
}
