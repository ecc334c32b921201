using System.Net;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Calls;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Edge;

/// <summary>
/// The SIP edge as a hosted service: binds UDP and TCP on Sip:Bind/Sip:Port (and TLS on Sip:TlsPort), and stacks transport,
/// transactions and the request router (registrar, OPTIONS, call admission) on top.
/// </summary>
internal sealed class SipEdge : IHostedService, IAsyncDisposable
{
    private readonly SipOptions _options;
    private readonly RegistrarOptions _registrarOptions;
    private readonly MediaOptions _mediaOptions;
    private readonly IAgentCredentialStore _credentials;
    private readonly RegistrationTable _registrations;
    private readonly ISipRateLimiter _rateLimiter;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly CallCenter _callCenter;
    private readonly AgentInvites? _agentInvites;
    private readonly IvrOptions _ivrOptions;
    private SipTransportLayer? _transport;
    private ContactProber? _prober;
    private RtpPortAllocator? _ports;

    public SipEdge(IOptions<SipOptions> options, IOptions<RegistrarOptions> registrarOptions, IOptions<MediaOptions> mediaOptions, IOptions<IvrOptions> ivrOptions, IAgentCredentialStore credentials, RegistrationTable registrations, ISipRateLimiter rateLimiter, CallCenter callCenter, TimeProvider time, ILoggerFactory loggers, AgentInvites? agentInvites = null)
    {
        _agentInvites = agentInvites;
        _ivrOptions = ivrOptions.Value;
        _callCenter = callCenter;
        _options = options.Value;
        _registrarOptions = registrarOptions.Value;
        _mediaOptions = mediaOptions.Value;
        _credentials = credentials;
        _registrations = registrations;
        _rateLimiter = rateLimiter;
        _time = time;
        _loggers = loggers;
    }

    /// <summary>The bound address (with the real port when Sip:Port is 0); null before start.</summary>
    public IPEndPoint? LocalEndPoint => _transport?.LocalEndPoint;

    /// <summary>Open TCP and TLS connections; 0 before start.</summary>
    internal int StreamConnectionCount => _transport?.StreamConnectionCount ?? 0;

    /// <summary>The TLS listener's address (with the real port when Sip:TlsPort is 0); null before start or with TLS off.</summary>
    public IPEndPoint? TlsEndPoint => _transport?.TlsEndPoint;

    public SipTransactionLayer? Transactions { get; private set; }

    public InboundCallService? Calls { get; private set; }

    /// <summary>Outgoing legs (agent phones, trunk calls); null before start.</summary>
    public OutboundLegService? Legs { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var bind = new IPEndPoint(IPAddress.Parse(_options.Bind), _options.Port);
        var tcpLimits = new SipTcpLimits(_options.MaxTcpConnections, _options.MaxTcpConnectionsPerSource,
            TimeSpan.FromSeconds(_options.TcpIdleTimeoutSeconds), TimeSpan.FromSeconds(_options.TcpFirstRequestTimeoutSeconds));
        var tls = SipTlsCertificate.ServerOptions(_options) is { } secure
            ? (new IPEndPoint(bind.Address, _options.TlsPort), secure)
            : ((IPEndPoint, System.Net.Security.SslServerAuthenticationOptions)?)null;
        _transport = new SipTransportLayer(bind, tcpLimits, _time, _rateLimiter, _loggers.CreateLogger<SipTransportLayer>(), tls: tls);
        Transactions = new SipTransactionLayer(_transport, _time, SipTimers.Default, _loggers.CreateLogger<SipTransactionLayer>());
        var realm = string.IsNullOrEmpty(_registrarOptions.Realm) ? _options.Domain : _registrarOptions.Realm;
        var nonces = new NonceService(_time, TimeSpan.FromSeconds(_registrarOptions.NonceLifetimeSeconds));
        var authenticator = new DigestAuthenticator(nonces, realm, _registrarOptions.DigestAlgorithmList);
        var registrar = new SipRegistrar(_credentials, authenticator, _registrations, _registrarOptions, _options.Domain, _time, _loggers.CreateLogger<SipRegistrar>());
        var transport = _transport;
        _ports = new RtpPortAllocator(MediaPortsOptions());
        Calls = new InboundCallService(Transactions, _ports, transport.EndPointFor, _time, SipTimers.Default, _loggers.CreateLogger<InboundCallService>());
        Legs = new OutboundLegService(Transactions, transport.EndPointFor, _time, SipTimers.Default, _loggers.CreateLogger<OutboundLegService>(), _options.Domain);
        var mediaOptions = MediaPortsOptions();
        _callCenter.Attach(new CallCenterLinks(Calls, Legs, _ports, _registrations, PromptLibrary.Load(PromptsFrom(_ivrOptions)), _options.Domain, mediaOptions.DataDirectory, _options.OfferSrtp));
        var router = new SipEdgeRouter(_options, registrar, authenticator, _credentials, Transactions, Calls, Legs, _loggers.CreateLogger<SipEdgeRouter>(), _rateLimiter as SipSourceGuard);
        router.AgentInvites = _agentInvites;
        Transactions.Attach(router);
        _transport.Start(Transactions.OnInboundAsync);
        if (_registrarOptions.ProbeIntervalSeconds > 0)
        {
            _prober = new ContactProber(_registrations, Transactions, transport.EndPointFor, _options.Domain, _time,
                TimeSpan.FromSeconds(_registrarOptions.ProbeIntervalSeconds), _loggers.CreateLogger<ContactProber>());
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_transport is not null)
        {
            await _callCenter.EndAllCallsAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _prober, null)?.Dispose();
        var transport = Interlocked.Exchange(ref _transport, null);
        if (transport is not null)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
        }
        Interlocked.Exchange(ref _ports, null)?.Dispose();
    }

    /// <summary>A relative prompt folder is found beside the binaries (the default set ships there), not in the working directory.</summary>
    private static IvrOptions PromptsFrom(IvrOptions options) => Path.IsPathRooted(options.PromptDirectory)
        ? options
        : new IvrOptions
        {
            PromptDirectory = Path.Combine(AppContext.BaseDirectory, options.PromptDirectory),
            QueuePromptDirectories = options.QueuePromptDirectories,
            Menu = options.Menu,
            SurveyDigitTimeout = options.SurveyDigitTimeout,
        };

    /// <summary>Media:BindAddress left empty means RTP binds where SIP does.</summary>
    private MediaOptions MediaPortsOptions() => string.IsNullOrEmpty(_mediaOptions.BindAddress)
        ? new MediaOptions
        {
            PortMin = _mediaOptions.PortMin,
            PortMax = _mediaOptions.PortMax,
            BindAddress = _options.Bind,
            RelayThreads = _mediaOptions.RelayThreads,
            DataDirectory = _mediaOptions.DataDirectory,
        }
        : _mediaOptions;
}
