using Hotline.Silo.Agents;

namespace Hotline.Silo.Staff;

/// <summary>What staff ids, roles and passwords must look like, and when repeated failures lock an account.</summary>
internal static class StaffRules
{
    public const int MinPasswordLength = 8;

    /// <summary>Wrong passwords in a row that lock the account.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a locked account refuses every sign-in.</summary>
    public static readonly TimeSpan LockOutFor = TimeSpan.FromMinutes(15);

    /// <summary>Staff ids follow agent ids' rules, so an agent's staff id and SIP agent id may be the same.</summary>
    public static string? CheckId(string id) =>
        AgentRules.CheckId(id) is null ? null : $"staff id must be 1–{AgentRules.MaxIdLength} characters of A–Z, a–z, 0–9, '.', '_' or '-', not '{id}'";

    public static string? CheckPassword(string password) =>
        password.Length < MinPasswordLength
            ? $"password must be at least {MinPasswordLength} characters"
            : AgentRules.CheckPassword(password);

    public static ConsoleRole? ParseRole(string text) => text.Trim().ToLowerInvariant() switch
    {
        "agent" => ConsoleRole.Agent,
        "supervisor" => ConsoleRole.Supervisor,
        "editor" => ConsoleRole.Editor,
        "liaison" => ConsoleRole.Liaison,
        _ => null,
    };

    public static string RoleName(ConsoleRole role) => role.ToString().ToLowerInvariant();
}
