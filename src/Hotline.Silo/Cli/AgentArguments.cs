using Hotline.Silo.Agents;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Cli;

/// <summary>Checks shared by the <c>agent …</c> commands; each failure names the option and the rule.</summary>
internal static class AgentArguments
{
    public static string Id(IReadOnlyDictionary<string, string> options) =>
        Required(options, "id") is var id && AgentRules.CheckId(id) is { } problem ? throw new CliUsageException($"--id: {problem}") : id;

    public static string Password(IReadOnlyDictionary<string, string> options) =>
        Required(options, "password") is var password && AgentRules.CheckPassword(password) is { } problem
            ? throw new CliUsageException($"--password: {problem}")
            : password;

    public static IReadOnlyDictionary<string, int> Skills(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("skills", out var text))
        {
            return new Dictionary<string, int>();
        }

        try
        {
            return AgentSkills.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new CliUsageException($"--skills: {exception.Message}");
        }
    }

    public static IAgentDirectory Directory(IServiceProvider services) =>
        services.GetService<IAgentDirectory>() ?? throw new CliFailureException("this build has no storage composed; agents cannot be managed");

    private static string Required(IReadOnlyDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new CliUsageException($"--{name} is required");
}
