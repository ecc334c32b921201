using Hotline.Contracts.Security;

namespace Hotline.Api.Tests.Support;

/// <summary>Fixed tokens: a staff agent, a supervisor, an editor and a department.</summary>
internal sealed class TestTokenValidator : ITokenValidator
{
    public const string StaffToken = "staff-token-1";
    public const string DepartmentToken = "department-token-1";
    public const string SupervisorToken = "supervisor-token-1";
    public const string EditorToken = "editor-token-1";

    public ValueTask<Caller?> ValidateAsync(string token, CancellationToken cancellationToken) => token switch
    {
        StaffToken => ValueTask.FromResult<Caller?>(new Caller(CallerKind.Staff, "S01", StaffRole.Agent)),
        SupervisorToken => ValueTask.FromResult<Caller?>(new Caller(CallerKind.Staff, "S02", StaffRole.Supervisor)),
        EditorToken => ValueTask.FromResult<Caller?>(new Caller(CallerKind.Staff, "E01", StaffRole.Editor)),
        DepartmentToken => ValueTask.FromResult<Caller?>(new Caller(CallerKind.Department, "D01", StaffRole.None)),
        _ => ValueTask.FromResult<Caller?>(null),
    };
}
