namespace Hotline.Search.Tests.Engine.Elasticsearch;

/// <summary>A fact that runs only when HOTLINE_ES_URL names a real Elasticsearch 9 (none can be installed on the project's machines).</summary>
public sealed class ElasticsearchFactAttribute : FactAttribute
{
    public ElasticsearchFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOTLINE_ES_URL")))
        {
            Skip = "HOTLINE_ES_URL is not set: no Elasticsearch server to test against";
        }
    }
}
