using System.Globalization;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// Reads the bindings a REGISTER asks for: its Contacts with their expiries, or the "*" that removes all.
/// Refusals come back as the response to send, so the registrar only decides whether to bind.
/// </summary>
internal sealed class RegisterContactReader
{
    private readonly RegistrarOptions _options;

    public RegisterContactReader(RegistrarOptions options)
    {
        _options = options;
    }

    /// <summary>
    /// Reads the Contacts and their expiries (§10.2.1.1: the contact's expires parameter, else the Expires
    /// header, else our default). "*" must stand alone with Expires: 0 (§10.2.2); below Min-Expires is 423.
    /// </summary>
    public bool TryRead(SipRequest request, SipInbound inbound, out List<ContactRequest> contacts, out bool removeAll, out SipResponse? error)
    {
        contacts = [];
        removeAll = false;
        error = null;
        if (!request.Headers.TryGetValues(SipHeaderNames.Contact, out var values))
        {
            error = Reply(request, 400, "Malformed Contact");
            return false;
        }
        var headerExpires = request.Headers[SipHeaderNames.Expires];
        int? defaultExpires = _options.DefaultExpiresSeconds;
        if (headerExpires is not null)
        {
            if (!TryParseExpires(headerExpires, out var parsed))
            {
                error = Reply(request, 400, "Malformed Expires");
                return false;
            }
            defaultExpires = parsed;
        }
        if (values.Contains("*"))
        {
            removeAll = values.Count == 1 && headerExpires is not null && defaultExpires == 0;
            error = removeAll ? null : Reply(request, 400, "Wildcard Contact Needs Expires 0");
            return removeAll;
        }
        foreach (var value in values)
        {
            if (!NameAddressHeader.TryParse(value, out var contact) || !contact.Uri.IsSip)
            {
                error = Reply(request, 400, "Malformed Contact");
                return false;
            }
            var expires = defaultExpires.Value;
            var parameter = contact.Parameters.Get("expires");
            if (parameter is not null && !TryParseExpires(parameter, out expires))
            {
                error = Reply(request, 400, "Malformed Contact Expires");
                return false;
            }
            if (expires > 0 && expires < _options.MinExpiresSeconds)
            {
                error = SipResponseBuilder.For(request, 423)
                    .WithHeader(SipHeaderNames.MinExpires, _options.MinExpiresSeconds.ToString(CultureInfo.InvariantCulture))
                    .Build();
                return false;
            }
            var reachVia = ContactRouting.Choose(_options.RouteVia, contact, request, inbound);
            contacts.Add(new ContactRequest(contact.Uri, Math.Min(expires, _options.MaxExpiresSeconds), reachVia));
        }
        return true;
    }

    /// <summary>delta-seconds; values past 2**32-1 are taken as that (RFC 3261 §20.19), then capped by MaxExpires.</summary>
    private static bool TryParseExpires(string text, out int seconds)
    {
        seconds = 0;
        var span = text.AsSpan().Trim(" \t");
        if (span.IsEmpty || span.ContainsAnyExcept("0123456789"))
        {
            return false;
        }
        seconds = SipGrammar.TryParseDecimal(span, int.MaxValue, out var value) ? (int)value : int.MaxValue;
        return true;
    }

    private static SipResponse Reply(SipRequest request, int status, string reason) =>
        SipResponseBuilder.For(request, status, reason).Build();
}
