namespace Hotline.Silo.Cli;

/// <summary>
/// <c>staff disable --id zhang</c> / <c>staff enable --id zhang</c>: a disabled account cannot sign in, and its
/// open console sessions are refused at their next request.
/// </summary>
internal sealed class StaffEnabledCommand(bool enable) : CliCommand
{
    public override string Name => enable ? "staff enable" : "staff disable";

    public override string Synopsis => "--id <id>";

    public override IReadOnlyCollection<string> Options { get; } = ["id"];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        var id = StaffArguments.Id(options);
        return async (services, output, cancellationToken) =>
        {
            if (!await StaffArguments.Store(services).SetEnabledAsync(id, enable, cancellationToken).ConfigureAwait(false))
            {
                throw new CliFailureException($"staff '{id}' does not exist");
            }

            await output.WriteLineAsync($"{(enable ? "enabled" : "disabled")} staff {id}").ConfigureAwait(false);
            return 0;
        };
    }
}
