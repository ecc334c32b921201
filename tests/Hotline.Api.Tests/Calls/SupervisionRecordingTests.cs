using Grpc.Core;
using Hotline.Api.Tests.Support;
using Hotline.Telephony.Acd.CallRecords;
using Microsoft.Extensions.Logging;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Calls;

/// <summary>Supervision.GetRecording: 64 KiB chunks of the file, and NOT_FOUND for anything missing or outside the recordings directory.</summary>
public sealed class SupervisionRecordingTests : IAsyncLifetime
{
    private const int Chunk = 64 * 1024;

    private CallCenterApiServer _api = null!;

    public async Task InitializeAsync() => _api = await CallCenterApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Assert.Empty(_api.Logs.EventIds(LogLevel.Error));
    }

    [Theory]
    [InlineData(150_000, new[] { Chunk, Chunk, 150_000 - (2 * Chunk) })]
    [InlineData(Chunk, new[] { Chunk })]
    [InlineData(Chunk + 1, new[] { Chunk, 1 })]
    [InlineData(44, new[] { 44 })]
    [InlineData(0, new[] { 0 })]
    public async Task GetRecording_File_ChunksInOrderFirstCarriesTypeAndSize(int size, int[] chunkSizes)
    {
        var content = new byte[size];
        new Random(size).NextBytes(content);
        string path = await RecordingAsync("call-1", Path.Combine(_api.RecordingsDirectory, "2026", "12", "06", "call-1.wav"), content);

        var response = await GetAsync("call-1");

        Assert.Equal(StatusCode.OK, response.Status);
        var chunks = response.Messages.Select(m => ApiV1.RecordingChunk.Parser.ParseFrom(m)).ToList();
        Assert.Equal(chunkSizes, chunks.Select(c => c.Data.Length));
        Assert.Equal(("audio/wav", (long)size), (chunks[0].ContentType, chunks[0].TotalSize));
        Assert.All(chunks.Skip(1), c => Assert.Equal(("", 0L), (c.ContentType, c.TotalSize)));
        Assert.Equal(content, chunks.SelectMany(c => c.Data.ToByteArray()).ToArray());
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task GetRecording_RelativePathInsideTheRoot_Streamed()
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_api.RecordingsDirectory, "r.wav"));
        await RecordingAsync("call-r", relative, [1, 2, 3]);

        var response = await GetAsync("call-r");

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal([1, 2, 3], ApiV1.RecordingChunk.Parser.ParseFrom(Assert.Single(response.Messages)).Data.ToByteArray());
    }

    [Fact]
    public async Task GetRecording_NoSuchCall_NotFound()
    {
        var response = await GetAsync("nobody");

        Assert.Equal(StatusCode.NotFound, response.Status);
        Assert.Equal("call nobody has no recording", response.StatusMessage);
    }

    [Fact]
    public async Task GetRecording_CallWithoutRecording_NotFound()
    {
        await _api.CallRecords.SaveAsync(new CallDetailRecord { CallId = "call-2" }, CancellationToken.None);

        var response = await GetAsync("call-2");

        Assert.Equal(StatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task GetRecording_FileGone_NotFoundAndLogged()
    {
        await _api.CallRecords.SaveAsync(
            new CallDetailRecord { CallId = "call-3", RecordingPath = Path.Combine(_api.RecordingsDirectory, "2026", "gone.wav") }, CancellationToken.None);

        var response = await GetAsync("call-3");

        Assert.Equal(StatusCode.NotFound, response.Status);
        Assert.Empty(response.Messages);
        Assert.Contains(4302, _api.Logs.EventIds(LogLevel.Warning));
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("dot-dot")]
    [InlineData("sibling-prefix")]
    [InlineData("file-link")]
    [InlineData("directory-link")]
    [InlineData("root-itself")]
    public async Task GetRecording_PathLeadsOutOfTheRoot_NotFoundLoggedAndNothingRead(string escape)
    {
        // A file outside the root that must never be streamed.
        string secret = Path.Combine(_api.DataDirectory, "secret.wav");
        await File.WriteAllBytesAsync(secret, [42, 42, 42]);
        string path = escape switch
        {
            "absolute" => secret,
            "dot-dot" => Path.Combine(_api.RecordingsDirectory, "2026", "..", "..", "secret.wav"),
            "sibling-prefix" => SiblingPrefixFile(),
            "file-link" => Link(Path.Combine(_api.RecordingsDirectory, "link.wav"), secret),
            "directory-link" => Path.Combine(Link(Path.Combine(_api.RecordingsDirectory, "2026"), _api.DataDirectory), "secret.wav"),
            _ => _api.RecordingsDirectory,
        };
        await _api.CallRecords.SaveAsync(new CallDetailRecord { CallId = "call-x", RecordingPath = path }, CancellationToken.None);

        var response = await GetAsync("call-x");

        Assert.Equal(StatusCode.NotFound, response.Status);
        Assert.Empty(response.Messages);
        Assert.Contains(4301, _api.Logs.EventIds(LogLevel.Warning));
    }

    [Fact]
    public async Task GetRecording_PathIsADirectoryInsideTheRoot_NotFoundAndLogged()
    {
        Directory.CreateDirectory(Path.Combine(_api.RecordingsDirectory, "2026"));
        await _api.CallRecords.SaveAsync(
            new CallDetailRecord { CallId = "call-d", RecordingPath = Path.Combine(_api.RecordingsDirectory, "2026") }, CancellationToken.None);

        var response = await GetAsync("call-d");

        Assert.Equal(StatusCode.NotFound, response.Status);
        Assert.Contains(4302, _api.Logs.EventIds(LogLevel.Warning));
    }

    [Fact]
    public async Task GetRecording_EtcPasswd_NotFound()
    {
        await _api.CallRecords.SaveAsync(new CallDetailRecord { CallId = "call-p", RecordingPath = "/etc/passwd" }, CancellationToken.None);

        var response = await GetAsync("call-p");

        Assert.Equal(StatusCode.NotFound, response.Status);
        Assert.Empty(response.Messages);
    }

    [Theory]
    [InlineData("", "call_id: is required")]
    [InlineData("bad id", "call_id: must be 1–256 printable ASCII characters")]
    public async Task GetRecording_BadCallId_InvalidArgument(string callId, string expected)
    {
        var response = await GetAsync(callId);

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Equal(expected, response.StatusMessage);
    }

    private async Task<string> RecordingAsync(string callId, string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, content);
        await _api.CallRecords.SaveAsync(new CallDetailRecord { CallId = callId, RecordingPath = path }, CancellationToken.None);
        return path;
    }

    /// <summary>"{data}/recordings-old/x.wav" starts with the root's text but is not inside it.</summary>
    private string SiblingPrefixFile()
    {
        string sibling = _api.RecordingsDirectory + "-old";
        Directory.CreateDirectory(sibling);
        string file = Path.Combine(sibling, "x.wav");
        File.WriteAllBytes(file, [7]);
        return file;
    }

    private static string Link(string link, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.CreateSymbolicLink(link, target);
        }
        else
        {
            File.CreateSymbolicLink(link, target);
        }

        return link;
    }

    private Task<GrpcResult> GetAsync(string callId) =>
        _api.CallAsync("Supervision", "GetRecording", new ApiV1.GetRecordingRequest { CallId = callId }, TestTokenValidator.SupervisorToken);
}
