namespace Hotline.Silo.Tests.WebConsole;

/// <summary>One console host shared by a test class (starting one takes seconds on a loaded machine).</summary>
public sealed class ConsoleHostFixture : IAsyncLifetime
{
    internal ConsoleHost Console { get; private set; } = null!;

    public async Task InitializeAsync() => Console = await ConsoleHost.StartAsync();

    public async Task DisposeAsync() => await Console.DisposeAsync();
}
