using Microsoft.Extensions.Logging;

namespace Hotline.Search;

/// <summary>Source-generated log messages of the search library (event ids 4000-4099).</summary>
internal static partial class SearchLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Search index ({Engine}) rebuilt with {Count} articles")]
    public static partial void IndexRebuilt(ILogger logger, string engine, int count);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Article {Id} saved as version {Version} by {Editor}")]
    public static partial void ArticleSaved(ILogger logger, string id, int version, string editor);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Article {Id} deleted by {Editor}")]
    public static partial void ArticleDeleted(ILogger logger, string id, string editor);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Article import rejected: {Count} bad records, nothing imported")]
    public static partial void ImportRejected(ILogger logger, int count);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Elasticsearch alias {Alias} now points at {Index}")]
    public static partial void AliasSwapped(ILogger logger, string alias, string index);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
        Message = "Search index could not be built ({Reason}); knowledge search answers UNAVAILABLE until it is, next try in {Delay}")]
    public static partial void IndexUnavailable(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Search learning opened: {Entries} lexicon entries, evidence from {Tickets} tickets")]
    public static partial void LearningOpened(ILogger logger, int entries, int tickets);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Lexicon changed by {Editor}: {Upserted} entries upserted, {Deleted} deleted")]
    public static partial void LexiconChanged(ILogger logger, int upserted, int deleted, string editor);
}
