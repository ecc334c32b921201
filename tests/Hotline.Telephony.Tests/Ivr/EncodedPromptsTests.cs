using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media.Recording;

namespace Hotline.Telephony.Tests.Ivr;

public sealed class EncodedPromptsTests
{
    [Theory]
    [InlineData(G711.PcmuPayloadType)]
    [InlineData(G711.PcmaPayloadType)]
    public void Get_SameSamplesTwice_EncodedOnceAndSharedPerPayloadType(byte payloadType)
    {
        short[] samples = [0, 100, -100, short.MaxValue, short.MinValue, 1234];
        byte[] expected = new byte[samples.Length];
        G711.Encode(payloadType, samples, expected);

        byte[] first = EncodedPrompts.Get(samples, payloadType);
        byte[] second = EncodedPrompts.Get(samples, payloadType);
        byte[] other = EncodedPrompts.Get(samples, payloadType == G711.PcmuPayloadType ? G711.PcmaPayloadType : G711.PcmuPayloadType);

        Assert.Equal(expected, first);
        Assert.Same(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(first[0], EncodedPrompts.Silence(payloadType));
    }
}
