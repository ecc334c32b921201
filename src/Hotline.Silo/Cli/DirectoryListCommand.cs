using Hotline.Silo.Organisation;

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>district list|add|remove</c> and <c>category list|add|remove</c>: the directory's value lists,
/// each change kept in the history like a department's.
/// </summary>
internal sealed class DirectoryListCommand(string list, string verb) : CliCommand
{
    public override string Name => $"{list} {verb}";

    public override string Synopsis => verb == "list" ? "" : "<name> [--by <who>] [--reason <why>]";

    public override string? Argument => verb == "list" ? null : "value";

    public override IReadOnlyCollection<string> Options => verb == "list" ? [] : DepartmentArguments.AuditOptions;

    public static IEnumerable<CliCommand> For(string list) => new[] { "list", "add", "remove" }.Select(v => new DirectoryListCommand(list, v));

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        if (verb == "list")
        {
            return async (services, output, cancellationToken) =>
            {
                foreach (var value in await DepartmentArguments.Directory(services).ListValuesAsync(list, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync(value).ConfigureAwait(false);
                }

                return 0;
            };
        }

        if (!options.TryGetValue("value", out var name))
        {
            throw new CliUsageException($"name the {list}: {list} {verb} <name>");
        }

        if (DirectoryRules.CheckListValue(name) is { } problem)
        {
            throw new CliUsageException($"{list} '{name}': {problem}");
        }

        var context = DepartmentArguments.Context(options, verb == "add" ? "added" : "removed");
        return async (services, output, cancellationToken) =>
        {
            var directory = DepartmentArguments.Directory(services);
            await DepartmentArguments.RunAsync(async () =>
            {
                await (verb == "add"
                    ? directory.AddValueAsync(list, name, context, cancellationToken)
                    : directory.RemoveValueAsync(list, name, context, cancellationToken)).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
            await output.WriteLineAsync($"{(verb == "add" ? "added" : "removed")} {list} {name}").ConfigureAwait(false);
            return 0;
        };
    }
}
