using Hotline.Telephony.Tests.Edge;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// The edge a call test with agents starts: short prompts, no IVR menu, phones READY once registered, media (the
/// recordings) under a temp folder of its own; a test class adds only its own settings. Disposing deletes both folders.
/// </summary>
internal sealed class AgentCallEdge : IDisposable
{
    private readonly ShortPrompts _prompts = new();

    /// <param name="name">Names the temp folder (hotline-&lt;name&gt;-…).</param>
    public AgentCallEdge(string name)
    {
        MediaDirectory = Directory.CreateTempSubdirectory($"hotline-{name}-").FullName;
    }

    /// <summary>Media:DataDirectory, where the recordings go.</summary>
    public string MediaDirectory { get; }

    public Task<EdgeHost> StartAsync(params (string Key, string? Value)[] settings)
    {
        var extra = new Dictionary<string, string?>
        {
            ["Ivr:PromptDirectory"] = _prompts.Folder,
            ["Ivr:Menu:Enabled"] = "false",
            ["Acd:ReadyOnRegister"] = "true",
            ["Media:DataDirectory"] = MediaDirectory,
        };
        foreach (var (key, value) in settings)
        {
            extra[key] = value;
        }

        return EdgeHost.StartAsync(extra: extra);
    }

    public void Dispose()
    {
        _prompts.Dispose();
        Directory.Delete(MediaDirectory, recursive: true);
    }
}
