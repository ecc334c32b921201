namespace Hotline.Silo.Cli;

/// <summary>
/// A command of the executable (<c>token issue …</c>). Arguments are checked by <see cref="Bind"/> before any
/// storage is opened, so a usage error never touches data. To add a command, derive from this and list it
/// in <see cref="CliCommands.All"/>.
/// </summary>
internal abstract class CliCommand
{
    /// <summary>The words that select the command, e.g. "token issue".</summary>
    public abstract string Name { get; }

    /// <summary>The argument synopsis shown after the name in usage messages.</summary>
    public abstract string Synopsis { get; }

    /// <summary>Option names (without dashes) the command takes; every other <c>--Key=value</c> is configuration.</summary>
    public abstract IReadOnlyCollection<string> Options { get; }

    /// <summary>
    /// The name of the one bare (non-<c>--</c>) argument the command takes, e.g. "file" for <c>agent import &lt;file&gt;</c>;
    /// it arrives in the options under that name. Null: the command takes none.
    /// </summary>
    public virtual string? Argument => null;

    /// <summary>Checks the options and returns the work to run; throws <see cref="CliUsageException"/> on bad arguments.</summary>
    public abstract CliAction Bind(IReadOnlyDictionary<string, string> options);
}
