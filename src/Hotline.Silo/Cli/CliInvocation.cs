namespace Hotline.Silo.Cli;

/// <summary>A command line split into the command, its options, and the configuration arguments passed on to .NET configuration.</summary>
internal sealed record CliInvocation(CliCommand Command, IReadOnlyDictionary<string, string> Options, string[] ConfigurationArgs)
{
    /// <summary>This invocation with one option's value replaced.</summary>
    public CliInvocation WithOption(string name, string value) =>
        this with { Options = new Dictionary<string, string>(Options, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    /// <summary>Parses <c>&lt;command words&gt; [--option value | --option=value | --Config:Key=value]…</c>.</summary>
    public static CliInvocation Parse(string[] args)
    {
        var command = CliCommands.All
            .Where(c => Matches(c, args))
            .MaxBy(c => c.Name.Length)
            ?? throw new CliUsageException($"unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'");

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        var rest = args.Skip(command.Name.Split(' ').Length).ToArray();
        for (var i = 0; i < rest.Length; i++)
        {
            var token = rest[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                if (command.Argument is not { } argument || !options.TryAdd(argument, token))
                {
                    throw new CliUsageException($"unexpected argument '{token}'");
                }

                continue;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? token[2..] : token[2..equals];
            string value;
            if (equals >= 0)
            {
                value = token[(equals + 1)..];
            }
            else if (i + 1 < rest.Length && !rest[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = rest[++i];
            }
            else
            {
                throw new CliUsageException($"--{name} needs a value");
            }

            if (!command.Options.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                configuration.Add($"--{name}={value}");
            }
            else if (!options.TryAdd(name, value))
            {
                throw new CliUsageException($"--{name} is given twice");
            }
        }

        return new CliInvocation(command, options, [.. configuration]);
    }

    private static bool Matches(CliCommand command, string[] args)
    {
        var words = command.Name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => w == args[i]).All(m => m);
    }
}
