namespace Hotline.Api.Calls;

/// <summary>Settings of the AgentDesk and Supervision services.</summary>
public sealed class CallCenterApiOptions
{
    /// <summary>
    /// The only directory Supervision.GetRecording reads from. A call record naming a file outside it is
    /// answered NOT_FOUND, so a damaged record cannot stream an arbitrary file. Default:
    /// <c>{Media:DataDirectory}/recordings</c>, where the call recorder writes.
    /// </summary>
    public string RecordingsDirectory { get; set; } = "";
}
