using System.Collections.Concurrent;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Dialogs;

/// <summary>Live dialogs by id, each with its owner (the call using it), for routing in-dialog requests (§12.2.2).</summary>
internal sealed class SipDialogTable<TOwner>
    where TOwner : class
{
    private readonly ConcurrentDictionary<DialogId, TOwner> _owners = new();

    public int Count => _owners.Count;

    public bool TryAdd(DialogId id, TOwner owner) => _owners.TryAdd(id, owner);

    public void Remove(DialogId id) => _owners.TryRemove(id, out _);

    /// <summary>Finds the dialog a request belongs to: our tag is in To, the peer's in From.</summary>
    public TOwner? Find(SipRequest request) =>
        request.To.Tag is { } local && request.From.Tag is { } remote
            ? _owners.GetValueOrDefault(new DialogId(request.CallId, local, remote))
            : null;

    public IReadOnlyCollection<TOwner> All => [.. _owners.Values];
}
