using Hotline.Search.Demo;
using Hotline.Search.Engine.Embedded;

namespace Hotline.Search.Tests.Support;

/// <summary>One embedded engine over the demo corpus, shared by read-only tests.</summary>
public sealed class DemoEngine : IDisposable
{
    public DemoEngine()
    {
        Engine = new EmbeddedSearchEngine();
        Engine.RebuildAsync(DemoCorpus.Articles()).GetAwaiter().GetResult();
    }

    public EmbeddedSearchEngine Engine { get; }

    public void Dispose() => Engine.Dispose();
}
