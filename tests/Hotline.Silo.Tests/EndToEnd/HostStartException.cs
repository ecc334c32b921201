namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>The host process did not come up; carries what it wrote so a caller can judge whether to try again.</summary>
internal sealed class HostStartException(string message, string output) : Exception(message)
{
    public string Output { get; } = output;
}
