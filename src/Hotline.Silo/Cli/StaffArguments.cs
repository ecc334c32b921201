using Hotline.Silo.Staff;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Cli;

/// <summary>Checks shared by the <c>staff …</c> commands; each failure names the option and the rule.</summary>
internal static class StaffArguments
{
    public static string Id(IReadOnlyDictionary<string, string> options) =>
        Required(options, "id") is var id && StaffRules.CheckId(id) is { } problem ? throw new CliUsageException($"--id: {problem}") : id;

    public static string Password(IReadOnlyDictionary<string, string> options) =>
        Required(options, "password") is var password && StaffRules.CheckPassword(password) is { } problem
            ? throw new CliUsageException($"--password: {problem}")
            : password;

    public static ConsoleRole Role(IReadOnlyDictionary<string, string> options) =>
        StaffRules.ParseRole(Required(options, "role")) ?? throw new CliUsageException($"--role: must be agent, supervisor, editor or liaison, not '{options["role"]}'");

    /// <summary>A liaison needs its department; the other roles take none.</summary>
    public static string? Department(IReadOnlyDictionary<string, string> options, ConsoleRole role)
    {
        options.TryGetValue("department", out var department);
        return (role, department) switch
        {
            (ConsoleRole.Liaison, null or "") => throw new CliUsageException("--department: is required for --role liaison"),
            (ConsoleRole.Liaison, _) => department,
            (_, null) => null,
            _ => throw new CliUsageException("--department: only a liaison belongs to a department"),
        };
    }

    public static IStaffStore Store(IServiceProvider services) =>
        services.GetService<IStaffStore>() ?? throw new CliFailureException("this build has no storage composed; staff cannot be managed");

    private static string Required(IReadOnlyDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new CliUsageException($"--{name} is required");
}
