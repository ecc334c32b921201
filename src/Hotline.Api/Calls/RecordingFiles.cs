using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Calls;

/// <summary>
/// Opens recordings for GetRecording, only from inside the recordings directory. A call record is data
/// and may be damaged; whatever path it names, nothing outside the directory is ever read.
/// </summary>
internal sealed class RecordingFiles(IOptions<CallCenterApiOptions> options, ILogger<RecordingFiles> logger)
{
    private readonly string _root = WithSeparator(Path.GetFullPath(options.Value.RecordingsDirectory));

    /// <summary>
    /// The open file, or NOT_FOUND (logged) when the path is outside the directory, or names no readable
    /// file there (gone, a directory, no permission).
    /// </summary>
    public FileStream Open(string callId, string path)
    {
        try
        {
            if (!IsInside(path, out var full))
            {
                CallCenterApiLog.RecordingOutsideRoot(logger, callId, path, _root);
                throw NotFound(callId);
            }

            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            CallCenterApiLog.RecordingMissing(logger, callId, path);
            throw NotFound(callId);
        }
    }

    public static RpcException NotFound(string callId) => new(new Status(StatusCode.NotFound, $"call {callId} has no recording"));

    /// <summary>
    /// Inside the root after "..", "." and relative parts are resolved, and no symbolic link on the way
    /// (a directory or the file itself) leads out of it, so a link planted under the root cannot either.
    /// </summary>
    private bool IsInside(string path, out string full)
    {
        full = "";
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        full = Path.GetFullPath(path);
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            return false;
        }

        var current = _root;
        foreach (var part in full[_root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (File.ResolveLinkTarget(current, returnFinalTarget: true) is { } target)
            {
                current = Path.GetFullPath(target.FullName);
                if (!WithSeparator(current).StartsWith(_root, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        full = current;
        return true;
    }

    private static string WithSeparator(string directory) =>
        Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
}
