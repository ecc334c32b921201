using System.Globalization;

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>department history [&lt;id&gt;] [--limit n]</c>: the directory's changes, newest first, tab-separated:
/// sequence, time (UTC), subject, id, action, who, why, before, after.
/// </summary>
internal sealed class DepartmentHistoryCommand : CliCommand
{
    public override string Name => "department history";

    public override string Synopsis => "[<id>] [--limit <n>]";

    public override string? Argument => "id";

    public override IReadOnlyCollection<string> Options { get; } = ["limit"];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var id = options.TryGetValue("id", out var given) ? given : null;
        var limit = 50;
        if (options.TryGetValue("limit", out var text) && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10_000))
        {
            throw new CliUsageException("--limit: a whole number from 1 to 10000");
        }

        return async (services, output, cancellationToken) =>
        {
            foreach (var c in await DepartmentArguments.Directory(services).HistoryAsync(id, limit, cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync(string.Join('\t', c.Sequence.ToString(CultureInfo.InvariantCulture),
                    c.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), c.Subject, c.SubjectId, c.Action, c.Actor, c.Reason,
                    c.Before ?? "-", c.After ?? "-")).ConfigureAwait(false);
            }

            return 0;
        };
    }
}
