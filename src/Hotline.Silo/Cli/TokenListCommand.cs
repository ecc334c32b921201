using System.Globalization;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>token list</c>: one line per token, tab-separated: handle, kind, id, role, issued, expires, status
/// (active, expired or revoked). The handle is the start of the token's hash: it names the token to
/// <c>token revoke</c> and cannot be used to call.
/// </summary>
internal sealed class TokenListCommand : CliCommand
{
    public override string Name => "token list";

    public override string Synopsis => "";

    public override IReadOnlyCollection<string> Options { get; } = [];

    public override CliAction Bind(IReadOnlyDictionary<string, string> options) => async (services, output, cancellationToken) =>
    {
        var tokens = services.GetService<ITokenStore>() ?? throw new CliFailureException("this build has no storage composed; tokens cannot be listed");
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        foreach (var token in await tokens.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var status = token.Revoked ? "revoked" : token.ExpiresAt <= now ? "expired" : "active";
            var expires = token.ExpiresAt is { } at ? Format(at) : "never";
            await output.WriteLineAsync($"{token.Handle}\t{token.Kind}\t{token.Id}\t{token.Role}\t{Format(token.IssuedAt)}\t{expires}\t{status}").ConfigureAwait(false);
        }

        return 0;
    };

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
