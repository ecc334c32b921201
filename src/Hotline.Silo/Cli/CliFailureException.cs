namespace Hotline.Silo.Cli;

/// <summary>A well-formed command that cannot be carried out, e.g. an unknown department (exit code 1).</summary>
internal sealed class CliFailureException(string message) : Exception(message);
