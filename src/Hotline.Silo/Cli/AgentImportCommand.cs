using Hotline.Silo.Agents;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>agent import &lt;file.csv&gt;</c>: adds (or replaces) every agent of a file of <c>id,password,skills</c>
/// lines in one transaction. The whole file is checked first; any bad line fails the import with every
/// problem and its line number, and nothing is stored.
/// </summary>
internal sealed class AgentImportCommand : CliCommand
{
    private const string Header = "id,password,skills";
    private const long MaxFileBytes = 16 * 1024 * 1024;
    private const int MaxReported = 20;

    public override string Name => "agent import";

    public override string Synopsis => "<file.csv>   (lines id,password,skills — skills name:level,…; passwords without commas)";

    public override string? Argument => "file";

    public override IReadOnlyCollection<string> Options { get; } = [];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("file", out var path))
        {
            throw new CliUsageException("name the file to import: agent import <file.csv>");
        }

        var agents = Parse(path, ReadLines(path));
        return async (services, output, cancellationToken) =>
        {
            var added = await AgentArguments.Directory(services).ImportAsync(agents, cancellationToken).ConfigureAwait(false);
            var realm = services.GetRequiredService<AgentRealm>().Value;
            await output.WriteLineAsync($"imported {agents.Count} agents ({added} new, {agents.Count - added} replaced; realm {realm})").ConfigureAwait(false);
            return 0;
        };
    }

    /// <summary>The agents of the file's lines; throws <see cref="CliUsageException"/> listing every bad line.</summary>
    internal static IReadOnlyList<NewAgent> Parse(string path, IReadOnlyList<string> lines)
    {
        var agents = new List<NewAgent>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#') || (number == 1 && line.Trim().Equals(Header, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var problem = ParseLine(line, out var agent);
            if (problem is null && seen.TryGetValue(agent!.AgentId, out var first))
            {
                problem = $"agent '{agent.AgentId}' is already on line {first}";
            }

            if (problem is not null)
            {
                problems.Add($"line {number}: {problem}");
                continue;
            }

            seen.Add(agent!.AgentId, number);
            agents.Add(agent);
        }

        if (problems.Count > 0)
        {
            var shown = string.Join(Environment.NewLine + "  ", problems.Take(MaxReported));
            var more = problems.Count > MaxReported ? $"{Environment.NewLine}  … and {problems.Count - MaxReported} more" : "";
            throw new CliUsageException($"{path}: {problems.Count} bad line(s), nothing imported:{Environment.NewLine}  {shown}{more}");
        }

        return agents.Count > 0 ? agents : throw new CliUsageException($"{path}: no agents in the file (expected lines {Header})");
    }

    private static string? ParseLine(string line, out NewAgent? agent)
    {
        agent = null;
        var firstComma = line.IndexOf(',', StringComparison.Ordinal);
        if (firstComma < 0)
        {
            return $"expected {Header}";
        }

        var id = line[..firstComma].Trim();
        var rest = line[(firstComma + 1)..];
        var secondComma = rest.IndexOf(',', StringComparison.Ordinal);
        var password = secondComma < 0 ? rest : rest[..secondComma];
        var skillsText = secondComma < 0 ? "" : rest[(secondComma + 1)..];
        if ((AgentRules.CheckId(id) ?? AgentRules.CheckPassword(password)) is { } problem)
        {
            return problem;
        }

        try
        {
            agent = new NewAgent(id, password, AgentSkills.Parse(skillsText));
            return null;
        }
        catch (FormatException exception)
        {
            return exception.Message;
        }
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new CliUsageException($"{path}: larger than {MaxFileBytes / (1024 * 1024)} MiB; split it");
            }

            return File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"cannot read {path}: {exception.Message}");
        }
    }
}
