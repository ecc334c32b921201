using Hotline.Contracts.Security;

namespace Hotline.Api.Tests.Support;

/// <summary>Two fixed tokens: a staff agent and a department.</summary>
internal sealed class TestTokenValidator : ITokenValidator
{
    public const string StaffToken = "staff-token-1";
    public const string DepartmentToken = "department-token-1";

    public ValueTask<Caller?> ValidateAsync(string token, CancellationToken cancellationToken) => token switch
    {
        StaffToken => ValueTask.FromResult<Caller?>(new Caller(CallerKind.Staff, "S01", StaffRole.Agent)),
        DepartmentToken => ValueTask.FromResult<Caller?>(new Caller(CallerKind.Department, "D01", StaffRole.None)),
        _ => ValueTask.FromResult<Caller?>(null),
    };
}
