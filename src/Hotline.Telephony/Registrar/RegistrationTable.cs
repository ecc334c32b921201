using System.Collections.Concurrent;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// The location service (RFC 3261 §10): contact bindings per agent, each with its own lapse timer from
/// the TimeProvider. Every change that alters an agent's contacts is reported to the listeners.
/// </summary>
internal sealed class RegistrationTable : IAgentLocator
{
    private readonly ConcurrentDictionary<string, List<Binding>> _agents = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IAgentRegistrationListener[] _listeners;
    private readonly int _maxContacts;
    private readonly ILogger _logger;

    public RegistrationTable(TimeProvider time, IEnumerable<IAgentRegistrationListener> listeners, int maxContacts, ILogger logger)
    {
        _time = time;
        _listeners = [.. listeners];
        _maxContacts = maxContacts;
        _logger = logger;
    }

    public IReadOnlyList<AgentContact> GetContacts(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var bindings))
        {
            return [];
        }
        lock (bindings)
        {
            return Snapshot(bindings);
        }
    }

    /// <summary>Every live contact with its agent, for probing.</summary>
    public IReadOnlyList<(string AgentId, AgentContact Contact)> SnapshotAll()
    {
        var all = new List<(string, AgentContact)>();
        foreach (var (agentId, bindings) in _agents)
        {
            lock (bindings)
            {
                all.AddRange(Snapshot(bindings).Select(contact => (agentId, contact)));
            }
        }
        return all;
    }

    /// <summary>Drops one contact that stopped answering; the agent's last one going reports Unreachable.</summary>
    public void RemoveUnreachable(string agentId, string contactUri)
    {
        if (!_agents.TryGetValue(agentId, out var bindings))
        {
            return;
        }
        AgentRegistrationChange? change = null;
        lock (bindings)
        {
            var before = bindings.Count;
            var index = bindings.FindIndex(b => b.Uri.ToString() == contactUri);
            if (index >= 0)
            {
                bindings[index].Timer.Dispose();
                bindings.RemoveAt(index);
                var after = Snapshot(bindings);
                change = new AgentRegistrationChange(agentId, after.Length == 0 ? RegistrationChangeKind.Unreachable : RegistrationChangeKind.ContactsChanged, after, _time.GetUtcNow());
            }
        }
        Notify(change);
    }

    public RegistrationResult Apply(RegistrationUpdate update, out IReadOnlyList<AgentContact> contacts)
    {
        var bindings = _agents.GetOrAdd(update.AgentId, _ => []);
        AgentRegistrationChange? change;
        lock (bindings)
        {
            var before = bindings.Count;
            var result = Validate(bindings, update);
            if (result != RegistrationResult.Applied)
            {
                contacts = Snapshot(bindings);
                return result;
            }
            var changed = update.RemoveAll ? RemoveAll(bindings) : Merge(bindings, update);
            contacts = Snapshot(bindings);
            change = changed ? Describe(update.AgentId, before, contacts, lapsed: false) : null;
        }
        Notify(change);
        return RegistrationResult.Applied;
    }

    private RegistrationResult Validate(List<Binding> bindings, RegistrationUpdate update)
    {
        foreach (var binding in bindings)
        {
            var touched = update.RemoveAll || update.Contacts.Any(c => c.Uri.Equals(binding.Uri));
            if (touched && binding.CallId == update.CallId && update.CSeq <= binding.CSeq)
            {
                return RegistrationResult.OutOfOrder;
            }
        }
        var added = update.Contacts.Count(c => c.ExpiresSeconds > 0 && !bindings.Any(b => b.Uri.Equals(c.Uri)));
        return bindings.Count + added > _maxContacts ? RegistrationResult.TooManyContacts : RegistrationResult.Applied;
    }

    private static bool RemoveAll(List<Binding> bindings)
    {
        foreach (var binding in bindings)
        {
            binding.Timer.Dispose();
        }
        var changed = bindings.Count > 0;
        bindings.Clear();
        return changed;
    }

    private bool Merge(List<Binding> bindings, RegistrationUpdate update)
    {
        var changed = false;
        foreach (var contact in update.Contacts)
        {
            var index = bindings.FindIndex(b => b.Uri.Equals(contact.Uri));
            if (index >= 0)
            {
                bindings[index].Timer.Dispose();
                bindings.RemoveAt(index);
                changed = true;
            }
            if (contact.ExpiresSeconds > 0)
            {
                bindings.Add(CreateBinding(update, contact));
                changed = true;
            }
        }
        return changed;
    }

    private Binding CreateBinding(RegistrationUpdate update, ContactRequest contact)
    {
        var lifetime = TimeSpan.FromSeconds(contact.ExpiresSeconds);
        var binding = new Binding(this, update.AgentId, contact.Uri, update.CallId, update.CSeq, _time.GetUtcNow() + lifetime, contact.ReachVia ?? update.ReachVia, update.OverTls);
        binding.Timer = _time.CreateTimer(static state => ((Binding)state!).Owner.Lapse((Binding)state!), binding, lifetime, Timeout.InfiniteTimeSpan);
        return binding;
    }

    /// <summary>A binding's timer fired: drop it, unless a refresh already replaced it.</summary>
    private void Lapse(Binding binding)
    {
        if (!_agents.TryGetValue(binding.AgentId, out var bindings))
        {
            return;
        }
        AgentRegistrationChange? change = null;
        lock (bindings)
        {
            var before = bindings.Count;
            if (bindings.Remove(binding))
            {
                binding.Timer.Dispose();
                change = Describe(binding.AgentId, before, Snapshot(bindings), lapsed: true);
            }
        }
        Notify(change);
    }

    private AgentRegistrationChange Describe(string agentId, int before, IReadOnlyList<AgentContact> after, bool lapsed)
    {
        var kind = (before, after.Count) switch
        {
            (0, > 0) => RegistrationChangeKind.Registered,
            (> 0, 0) => lapsed ? RegistrationChangeKind.Lapsed : RegistrationChangeKind.Unregistered,
            _ => RegistrationChangeKind.ContactsChanged,
        };
        return new AgentRegistrationChange(agentId, kind, after, _time.GetUtcNow());
    }

    private void Notify(AgentRegistrationChange? change)
    {
        if (change is null)
        {
            return;
        }
        RegistrarLog.RegistrationChanged(_logger, change.AgentId, change.Kind, change.Contacts.Count);
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnRegistrationChanged(change);
            }
            catch (Exception exception)
            {
                RegistrarLog.ListenerFailed(_logger, exception);
            }
        }
    }

    private static AgentContact[] Snapshot(List<Binding> bindings) =>
        [.. bindings.Select(b => new AgentContact(b.Uri.ToString(), b.ExpiresAt, b.ReachVia, b.OverTls))];

    private sealed class Binding(RegistrationTable owner, string agentId, SipUri uri, string callId, long cseq, DateTimeOffset expiresAt, SipDestination reachVia, bool overTls)
    {
        public string AgentId { get; } = agentId;

        public SipUri Uri { get; } = uri;

        public string CallId { get; } = callId;

        public long CSeq { get; } = cseq;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public SipDestination ReachVia { get; } = reachVia;

        public bool OverTls { get; } = overTls;

        public ITimer Timer { get; set; } = null!;

        public RegistrationTable Owner { get; } = owner;
    }
}
