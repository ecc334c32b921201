using System.Buffers.Binary;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>
/// What one channel of a call recording (8 kHz 16-bit stereo WAV, 44-byte header: caller left, agent
/// right) holds: how much of it carries sound, and the pitch of that sound from its zero crossings, so a
/// test can tell the caller's 1 kHz tone from the softphone's 440 Hz one.
/// </summary>
internal sealed record StereoRecording(double CallerSeconds, double CallerHz, double AgentSeconds, double AgentHz)
{
    private const int SampleRate = 8000;
    private const int Block = 160;
    private const double LoudRms = 1000;

    public static StereoRecording Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var frames = (bytes.Length - 44) / 4;
        var left = new short[frames];
        var right = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            left[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + (i * 4)));
            right[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(46 + (i * 4)));
        }
        var (callerSeconds, callerHz) = Analyse(left);
        var (agentSeconds, agentHz) = Analyse(right);
        return new StereoRecording(callerSeconds, callerHz, agentSeconds, agentHz);
    }

    /// <summary>Loud 20 ms blocks only: silence and the edges of gaps would skew the pitch.</summary>
    private static (double Seconds, double Hz) Analyse(short[] samples)
    {
        var loudBlocks = 0;
        var crossings = 0;
        for (var start = 0; start + Block <= samples.Length; start += Block)
        {
            var block = samples.AsSpan(start, Block);
            var energy = 0.0;
            foreach (var sample in block)
            {
                energy += sample * (double)sample;
            }
            if (Math.Sqrt(energy / Block) < LoudRms)
            {
                continue;
            }
            loudBlocks++;
            for (var i = 1; i < block.Length; i++)
            {
                if ((block[i - 1] < 0) != (block[i] < 0))
                {
                    crossings++;
                }
            }
        }
        var seconds = loudBlocks * Block / (double)SampleRate;
        // A tone crosses zero twice per cycle.
        return (seconds, seconds == 0 ? 0 : crossings / 2.0 / seconds);
    }
}
