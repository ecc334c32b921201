using Hotline.Telephony.Ivr;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// A prompt set of 0.2-second tones (16-bit PCM WAV, 8 kHz), so call-path tests walk the IVR in real time
/// without waiting through the shipped Mandarin recordings.
/// </summary>
internal sealed class ShortPrompts : IDisposable
{
    public ShortPrompts(double seconds = 0.2)
    {
        Directory.CreateDirectory(Folder);
        var samples = (int)(8000 * seconds);
        foreach (var name in PromptNames.All)
        {
            using var stream = File.Create(Path.Combine(Folder, name + ".wav"));
            using var writer = new BinaryWriter(stream);
            writer.Write("RIFF"u8);
            writer.Write(36 + (samples * 2));
            writer.Write("WAVEfmt "u8);
            writer.Write(16);
            writer.Write((short)1);
            writer.Write((short)1);
            writer.Write(8000);
            writer.Write(16000);
            writer.Write((short)2);
            writer.Write((short)16);
            writer.Write("data"u8);
            writer.Write(samples * 2);
            for (var i = 0; i < samples; i++)
            {
                writer.Write((short)(8000 * Math.Sin(2 * Math.PI * 440 * i / 8000)));
            }
        }
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "hotline-prompts-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
