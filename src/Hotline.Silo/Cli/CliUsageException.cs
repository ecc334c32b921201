namespace Hotline.Silo.Cli;

/// <summary>Bad command-line arguments (exit code 2); the message says which and why.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
