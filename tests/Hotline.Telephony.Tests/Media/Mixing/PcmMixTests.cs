using Hotline.Telephony.Media.Mixing;

namespace Hotline.Telephony.Tests.Media.Mixing;

public sealed class PcmMixTests
{
    [Fact]
    public void MixMinus_ThreeInputs_EachHearsTheOtherTwo()
    {
        short[] caller = [1000, -5], agent = [200, 7], third = [-30, 0];
        var sum = new int[2];
        PcmMix.Accumulate(sum, caller);
        PcmMix.Accumulate(sum, agent);
        PcmMix.Accumulate(sum, third);
        var output = new short[2];

        PcmMix.MixMinus(sum, caller, output);

        Assert.Equal([170, 7], output);
    }

    [Fact]
    public void MixMinus_LoudSum_SaturatesInsteadOfWrapping()
    {
        short[] quiet = [0, 0], loud = [30000, -30000], louder = [20000, -20000];
        var sum = new int[2];
        PcmMix.Accumulate(sum, quiet);
        PcmMix.Accumulate(sum, loud);
        PcmMix.Accumulate(sum, louder);
        var output = new short[2];

        PcmMix.MixMinus(sum, quiet, output);

        Assert.Equal([short.MaxValue, short.MinValue], output);
    }

    [Fact]
    public void Add_Overflow_Clips()
    {
        var output = new short[3];

        PcmMix.Add([32000, -32000, 5], [1000, -1000, -6], output);

        Assert.Equal([short.MaxValue, short.MinValue, -1], output);
    }
}
