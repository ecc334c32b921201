namespace Hotline.Silo.Cli;

/// <summary>A bound command: runs against the composed services, writes results to <c>output</c>, returns the exit code.</summary>
internal delegate Task<int> CliAction(IServiceProvider services, TextWriter output, CancellationToken cancellationToken);
