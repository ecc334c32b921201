using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Tests.Ivr;

public sealed class PromptLibraryTests : IDisposable
{
    private static readonly string ShippedSet = Path.Combine(RepositoryRoot(), "src", "Hotline.Telephony", "Prompts", "cmn");
    private readonly string _scratch = Directory.CreateTempSubdirectory("hotline-prompts-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void Load_ShippedMandarinSet_EveryPromptPresentShortAndNotSilent()
    {
        PromptLibrary library = PromptLibrary.Load(new IvrOptions { PromptDirectory = ShippedSet });

        foreach (string name in PromptNames.All)
        {
            short[] audio = library.Get(name);
            Assert.InRange(audio.Length, 800, 8000 * 12);
            Assert.Contains(audio, s => Math.Abs((int)s) > 1000);
        }
    }

    [Fact]
    public void Get_QueueWithOwnGreeting_OverridesOnlyThatPrompt()
    {
        string own = Directory.CreateDirectory(Path.Combine(_scratch, "business")).FullName;
        File.WriteAllBytes(Path.Combine(own, "greeting.wav"), Wav(channels: 1, rate: 8000, samples: 3));
        PromptLibrary library = PromptLibrary.Load(new IvrOptions
        {
            PromptDirectory = ShippedSet,
            QueuePromptDirectories = new() { ["business"] = own },
        });

        Assert.Equal(3, library.Get(PromptNames.Greeting, "business").Length);
        Assert.NotEqual(3, library.Get(PromptNames.Greeting, "general").Length);
        Assert.Same(library.Get(PromptNames.Menu), library.Get(PromptNames.Menu, "business"));
    }

    [Fact]
    public void Load_MissingPrompts_NamesThem()
    {
        File.WriteAllBytes(Path.Combine(_scratch, "greeting.wav"), Wav(1, 8000, 10));

        var error = Assert.Throws<InvalidDataException>(() => PromptLibrary.Load(new IvrOptions { PromptDirectory = _scratch }));

        Assert.Contains("menu.wav", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("greeting.wav", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WidebandStereoFile_RefusedWithReason()
    {
        File.WriteAllBytes(Path.Combine(_scratch, "greeting.wav"), Wav(2, 16000, 10));

        var error = Assert.Throws<InvalidDataException>(() => PromptLibrary.Load(new IvrOptions { PromptDirectory = _scratch }));

        Assert.Contains("need mono 8000 Hz, found 2 channel(s) at 16000 Hz", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Wav(int channels, int rate, int samples)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2 * channels));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)channels);
        writer.Write(rate);
        writer.Write(rate * 2 * channels);
        writer.Write((short)(2 * channels));
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2 * channels);
        for (int i = 0; i < samples * channels; i++)
        {
            writer.Write((short)i);
        }

        writer.Flush();
        return stream.ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hotline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Hotline.sln not found above the test output folder.");
    }
}
