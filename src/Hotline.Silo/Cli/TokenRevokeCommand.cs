using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>token revoke &lt;handle&gt;</c> (a handle from <c>token list</c>, or its first 6 or more digits) or
/// <c>token revoke --department &lt;id&gt;</c> / <c>--staff &lt;id&gt;</c> (every token of that caller). A running
/// server refuses a revoked token within 30 s (its validation cache).
/// </summary>
internal sealed class TokenRevokeCommand : CliCommand
{
    private const int MinPrefix = 6;

    public override string Name => "token revoke";

    public override string Synopsis => "<handle> | --department <id> | --staff <id>";

    public override IReadOnlyCollection<string> Options { get; } = ["department", "staff"];

    public override string? Argument => "handle";

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        options.TryGetValue("handle", out var handle);
        options.TryGetValue("department", out var department);
        options.TryGetValue("staff", out var staff);
        if (new[] { handle, department, staff }.Count(o => o is not null) != 1)
        {
            throw new CliUsageException("give exactly one of <handle>, --department <id> or --staff <id>");
        }

        TokenSelector selector;
        if (handle is not null)
        {
            if (handle.Length is < MinPrefix or > SqlTokenStore.HandleLength || !handle.All(char.IsAsciiHexDigitLower))
            {
                throw new CliUsageException($"<handle> must be {MinPrefix}–{SqlTokenStore.HandleLength} lowercase hex digits from token list, not '{handle}'");
            }

            selector = TokenSelector.ByHandle(handle);
        }
        else
        {
            selector = department is not null ? TokenSelector.ForCaller("department", department) : TokenSelector.ForCaller("staff", staff!);
        }

        return async (services, output, cancellationToken) =>
        {
            var tokens = services.GetService<ITokenStore>() ?? throw new CliFailureException("this build has no storage composed; tokens cannot be revoked");
            var matched = await tokens.RevokeAsync(selector, cancellationToken).ConfigureAwait(false);
            switch (matched.Count)
            {
                case 0:
                    throw new CliFailureException(handle is not null ? $"no token has handle {handle}" : "that caller has no tokens");
                case > 1 when handle is not null:
                    throw new CliFailureException($"handle {handle} matches {matched.Count} tokens ({string.Join(", ", matched)}); give more digits");
            }

            foreach (var revoked in matched)
            {
                await output.WriteLineAsync($"revoked {revoked}").ConfigureAwait(false);
            }

            return 0;
        };
    }
}
