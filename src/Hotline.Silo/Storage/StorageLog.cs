using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Storage;

/// <summary>Source-generated log messages of the storage layer (event ids 2000–2099).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(2000, LogLevel.Information, "Storage {Provider} ready at schema version {Version}")]
    public static partial void Ready(ILogger logger, string provider, int version);

    [LoggerMessage(2001, LogLevel.Information, "Applied storage schema migration {Version}")]
    public static partial void MigrationApplied(ILogger logger, int version);

    [LoggerMessage(2002, LogLevel.Warning, "A group commit of {Count} tickets failed; retrying each in its own transaction")]
    public static partial void BatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(2003, LogLevel.Error, "Commit of ticket {TicketId} failed")]
    public static partial void CommitFailed(ILogger logger, string ticketId, Exception exception);

    [LoggerMessage(2004, LogLevel.Warning, "Agent {AgentId} cannot register: its password was set for realm '{StoredRealm}' but the registrar's realm is now '{Realm}'; set it again with agent passwd")]
    public static partial void AgentRealmChanged(ILogger logger, string agentId, string storedRealm, string realm);
}
