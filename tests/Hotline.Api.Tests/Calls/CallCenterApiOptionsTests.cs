using Hotline.Api.Calls;
using Hotline.Telephony.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Tests.Calls;

/// <summary>Where GetRecording reads from: the recorder's directory unless the host says otherwise.</summary>
public sealed class CallCenterApiOptionsTests
{
    [Fact]
    public void RecordingsDirectory_NotSet_RecordingsUnderMediaDataDirectory()
    {
        var services = new ServiceCollection();
        services.Configure<MediaOptions>(media => media.DataDirectory = "/srv/hotline");
        services.AddHotlineCallCenterApi();

        using var provider = services.BuildServiceProvider();

        Assert.Equal(Path.Combine("/srv/hotline", "recordings"), provider.GetRequiredService<IOptions<CallCenterApiOptions>>().Value.RecordingsDirectory);
    }

    [Fact]
    public void RecordingsDirectory_Set_Kept()
    {
        var services = new ServiceCollection();
        services.Configure<MediaOptions>(media => media.DataDirectory = "/srv/hotline");
        services.AddHotlineCallCenterApi(api => api.RecordingsDirectory = "/mnt/archive");

        using var provider = services.BuildServiceProvider();

        Assert.Equal("/mnt/archive", provider.GetRequiredService<IOptions<CallCenterApiOptions>>().Value.RecordingsDirectory);
    }
}
