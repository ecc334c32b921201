using System.Diagnostics.Metrics;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Diagnostics;
using Hotline.Telephony.Edge;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Telephony;

/// <summary>Registers the telephony edge with the host.</summary>
public static class TelephonyServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SIP edge (a hosted service) and the call center behind it, configured from the "Sip",
    /// "Registrar", "Media", "Acd", "Ivr", "Calls" and "Callbacks" sections. Ports the host may replace by registering
    /// them first: <see cref="IAgentCredentialStore"/> (default: agents from "Registrar:Agents"),
    /// <see cref="IAgentStateAuthority"/>, <see cref="ICallDetailRecordStore"/> and
    /// <see cref="ICallbackRequestStore"/> (defaults: in memory), <see cref="ISipRateLimiter"/>, and any number
    /// of <see cref="IAgentRegistrationListener"/>. <see cref="IAgentLocator"/> answers where agents are
    /// registered; <see cref="ICallCenter"/> serves the agent desk and supervision APIs.
    /// </summary>
    public static IServiceCollection AddHotlineTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SipOptions>(configuration.GetSection(SipOptions.SectionName));
        services.Configure<RegistrarOptions>(configuration.GetSection(RegistrarOptions.SectionName));
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.SectionName));
        services.Configure<ConfiguredAgentsOptions>(configuration.GetSection(RegistrarOptions.SectionName));
        services.Configure<AcdOptions>(configuration.GetSection(AcdOptions.SectionName));
        services.Configure<IvrOptions>(configuration.GetSection(IvrOptions.SectionName));
        services.Configure<CallCenterOptions>(configuration.GetSection(CallCenterOptions.SectionName));
        services.Configure<CallbackOptions>(configuration.GetSection(CallbackOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAgentCredentialStore, ConfiguredAgentCredentialStore>();
        services.TryAddSingleton(provider =>
        {
            var sip = provider.GetRequiredService<IOptions<SipOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            return new SipSourceGuard(
                new PerSourceRateLimiter(time, sip.PerSourceMessagesPerSecond),
                sip.Trunks.Select(t => System.Net.IPAddress.Parse(t.Address)),
                time,
                sip.BanAfterFailures,
                TimeSpan.FromSeconds(sip.BanWindowSeconds),
                TimeSpan.FromSeconds(sip.BanSeconds),
                sip.MaxTrackedSources);
        });
        services.TryAddSingleton<ISipRateLimiter>(provider => provider.GetRequiredService<SipSourceGuard>());
        services.TryAddSingleton(provider => new RegistrationTable(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetServices<IAgentRegistrationListener>(),
            provider.GetRequiredService<IOptions<RegistrarOptions>>().Value.MaxContactsPerAgent,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<RegistrationTable>()));
        services.TryAddSingleton<IAgentLocator>(provider => provider.GetRequiredService<RegistrationTable>());
        services.TryAddSingleton<IAgentStateAuthority, UnkeptAgentStateAuthority>();
        services.TryAddSingleton<ICallDetailRecordStore, InMemoryCallDetailRecordStore>();
        services.TryAddSingleton<ICallbackRequestStore, InMemoryCallbackRequestStore>();
        services.TryAddSingleton(provider => new TelephonyMetrics(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton<IDepartmentNumbers, ConfiguredDepartmentNumbers>();
        services.TryAddSingleton<CallCenter>();
        services.TryAddSingleton<ICallCenter>(provider => provider.GetRequiredService<CallCenter>());
        services.TryAddSingleton<IOutboundCalls>(provider => provider.GetRequiredService<CallCenter>().Outbound);
        services.TryAddSingleton<IThreePartyCalls>(provider => provider.GetRequiredService<CallCenter>());
        services.TryAddSingleton<ISupervisorCalls>(provider => new SupervisorDesk(provider.GetRequiredService<CallCenter>()));
        services.AddSingleton<IAgentRegistrationListener>(provider => provider.GetRequiredService<CallCenter>());
        services.TryAddSingleton<AgentCallPlacer>();
        services.TryAddSingleton<IAgentCalls>(provider => provider.GetRequiredService<AgentCallPlacer>());
        services.TryAddSingleton<IConsultations, ConsultationDesk>();
        services.TryAddSingleton<AgentInvites>();
        services.TryAddSingleton<SipEdge>();
        services.AddHostedService(provider => provider.GetRequiredService<SipEdge>());
        return services;
    }
}
