using System.Globalization;
using Hotline.Silo.Organisation;

namespace Hotline.Silo.Cli;

/// <summary>Options shared by the <c>department …</c>, <c>district …</c> and <c>category …</c> commands.</summary>
internal static class DepartmentArguments
{
    /// <summary>The options that set a department's fields.</summary>
    public static IReadOnlyList<string> FieldOptions { get; } = ["name", "kind", "parent", "responsibilities", "keywords", "days", "phone"];

    /// <summary>Who and why, for the change history: <c>--by</c> (default the OS user) and <c>--reason</c>.</summary>
    public static IReadOnlyList<string> AuditOptions { get; } = ["by", "reason"];

    public static ChangeContext Context(IReadOnlyDictionary<string, string> options, string defaultReason, bool reasonRequired = false)
    {
        var by = options.TryGetValue("by", out var who) ? who : "cli:" + Environment.UserName;
        if (DirectoryRules.CheckText(by, 64, required: true) is { } byProblem)
        {
            throw new CliUsageException($"--by: {byProblem}");
        }

        if (!options.TryGetValue("reason", out var reason))
        {
            reason = reasonRequired ? throw new CliUsageException("--reason is required (it is kept in the department's history)") : defaultReason;
        }

        return DirectoryRules.CheckText(reason, 500, required: true) is { } problem
            ? throw new CliUsageException($"--reason: {problem}")
            : new ChangeContext(by, reason);
    }

    /// <summary>A department with the given options applied over <paramref name="department"/>.</summary>
    public static DirectoryDepartment Apply(DirectoryDepartment department, IReadOnlyDictionary<string, string> options)
    {
        string? Option(string name) => options.TryGetValue(name, out var value) ? value : null;
        var days = department.HandleWorkingDays;
        if (Option("days") is { } daysText && !int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days))
        {
            throw new CliUsageException($"--days: '{daysText}' is not a whole number");
        }

        return department with
        {
            Name = Option("name") ?? department.Name,
            Kind = Option("kind") ?? department.Kind,
            ParentId = Option("parent") is { } parent ? Blank(parent) : department.ParentId,
            Responsibilities = Option("responsibilities") ?? department.Responsibilities,
            Keywords = Option("keywords") is { } keywords
                ? keywords.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : department.Keywords,
            HandleWorkingDays = days,
            DutyPhone = Option("phone") is { } phone ? Blank(phone) : department.DutyPhone,
        };
    }

    /// <summary>The field rules, as usage errors naming the option.</summary>
    public static DirectoryDepartment Checked(DirectoryDepartment department)
    {
        if (DirectoryRules.CheckFields(department).FirstOrDefault() is { } problem)
        {
            throw new CliUsageException($"--{OptionOf(problem.Field)}: {problem.Message}");
        }

        return department;
    }

    /// <summary>The department id given as the command's argument.</summary>
    public static string Id(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue("id", out var id) ? id : throw new CliUsageException("name the department by its id");

    public static OrganisationDirectory Directory(IServiceProvider services) =>
        services.GetService<OrganisationDirectory>() ?? throw new CliFailureException("this build has no storage composed; the directory cannot be managed");

    /// <summary>Runs a directory operation; a refusal becomes exit code 1 with every problem listed.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (DirectoryRefusedException refused)
        {
            throw new CliFailureException($"refused, nothing changed:{Environment.NewLine}{DirectoryFile.Describe(refused.Problems)}");
        }
    }

    private static string OptionOf(string field) => field switch
    {
        "handle_working_days" => "days",
        "duty_phone" => "phone",
        _ => field,
    };

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
