namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>Tokens issued by the host's CLI: an agent, a supervisor and the department <see cref="DeskCaller.Department"/>.</summary>
internal sealed record DeskTokens(string Agent, string Supervisor, string Department)
{
    public static async Task<DeskTokens> IssueAsync(HostSettingsArgs settings)
    {
        var tokens = await Task.WhenAll(
            HostProcess.IssueTokenAsync(settings, "--staff", "e2e-agent", "--role", "agent"),
            HostProcess.IssueTokenAsync(settings, "--staff", "e2e-supervisor", "--role", "supervisor"),
            HostProcess.IssueTokenAsync(settings, "--department", DeskCaller.Department));
        return new DeskTokens(tokens[0], tokens[1], tokens[2]);
    }
}
