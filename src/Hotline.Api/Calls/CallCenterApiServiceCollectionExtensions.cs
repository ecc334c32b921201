using Hotline.Api.Pipeline;
using Hotline.Telephony.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Calls;

/// <summary>Registers the call center's gRPC services (AgentDesk, Supervision) on the gRPC layer.</summary>
public static class CallCenterApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds AgentDesk and Supervision. They resolve <see cref="Telephony.Calls.ICallCenter"/> and
    /// <see cref="Telephony.Acd.CallRecords.ICallDetailRecordStore"/> when a call needs them, so a host
    /// without telephony still starts and lists both services; their calls then answer UNAVAILABLE.
    /// The screen pop needs <see cref="Contracts.Tickets.ITicketQueries"/>.
    /// </summary>
    public static IServiceCollection AddHotlineCallCenterApi(this IServiceCollection services, Action<CallCenterApiOptions>? configure = null)
    {
        var options = services.AddOptions<CallCenterApiOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The recorder writes under Media:DataDirectory; read from the same place unless told otherwise.
        options.PostConfigure<IOptions<MediaOptions>>((api, media) =>
        {
            if (string.IsNullOrEmpty(api.RecordingsDirectory))
            {
                api.RecordingsDirectory = Path.Combine(media.Value.DataDirectory, "recordings");
            }
        });
        return services
            .AddSingleton<CallCenterPorts>()
            .AddSingleton<RecordingFiles>()
            .AddGrpcService<AgentDeskService>()
            .AddGrpcService<SupervisionService>();
    }
}
