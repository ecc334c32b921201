using System.Globalization;

namespace Hotline.Telephony.Sdp;

/// <summary>Collects parsed lines into a <see cref="SessionDescription"/>; one per parse.</summary>
internal sealed class SdpBuilder
{
    private readonly List<MediaDescription> _media = [];
    private readonly List<SdpAttribute> _sessionAttributes = [];
    private bool _sawVersion;
    private SdpOrigin? _origin;
    private string? _sessionName;
    private SdpConnection? _connection;
    private ulong _start;
    private ulong _stop;
    private MediaDirection? _direction;
    private MediaSection? _current;

    public SdpParseError Accept(char type, string value)
    {
        if (!_sawVersion)
        {
            // RFC 8866 §5: v= comes first and the only version is 0.
            if (type != 'v')
            {
                return SdpParseError.MissingVersion;
            }

            _sawVersion = true;
            return value == "0" ? SdpParseError.None : SdpParseError.UnsupportedVersion;
        }

        return type switch
        {
            'o' => ParseOrigin(value),
            's' => SetSessionName(value),
            'c' => ParseConnection(value),
            't' => ParseTiming(value),
            'm' => ParseMedia(value),
            'a' => ParseAttribute(value),
            _ => SdpParseError.None,
        };
    }

    public SdpParseError TryBuild(out SessionDescription? description)
    {
        description = null;
        FinishMedia();
        if (!_sawVersion)
        {
            return SdpParseError.MissingVersion;
        }

        if (_origin is null)
        {
            return SdpParseError.MissingOrigin;
        }

        if (_sessionName is null)
        {
            return SdpParseError.MissingSessionName;
        }

        if (_connection is null && _media.Any(m => m.Connection is null))
        {
            return SdpParseError.MissingConnection;
        }

        description = new SessionDescription
        {
            Origin = _origin,
            SessionName = _sessionName,
            Connection = _connection,
            StartTime = _start,
            StopTime = _stop,
            Direction = _direction,
            OtherAttributes = _sessionAttributes,
            Media = _media,
        };
        return SdpParseError.None;
    }

    private SdpParseError SetSessionName(string value)
    {
        _sessionName = value.Length == 0 ? " " : value;
        return SdpParseError.None;
    }

    private SdpParseError ParseOrigin(string value)
    {
        string[] parts = value.Split(' ');
        if (parts.Length != 6 || parts[3] != "IN"
            || !ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out ulong version))
        {
            return SdpParseError.MalformedOrigin;
        }

        _origin = new SdpOrigin(parts[0], parts[1], version, parts[4], parts[5]);
        return SdpParseError.None;
    }

    private SdpParseError ParseConnection(string value)
    {
        string[] parts = value.Split(' ');
        if (parts.Length != 3 || parts[0] != "IN" || parts[1] is not ("IP4" or "IP6") || parts[2].Length == 0)
        {
            return SdpParseError.MalformedConnection;
        }

        // Multicast TTL/count suffixes (§5.7) do not apply to unicast telephony; the address is before '/'.
        var connection = new SdpConnection(parts[1], parts[2].Split('/')[0]);
        if (_current is not null)
        {
            _current.Connection = connection;
        }
        else
        {
            _connection = connection;
        }

        return SdpParseError.None;
    }

    private SdpParseError ParseTiming(string value)
    {
        string[] parts = value.Split(' ');
        if (parts.Length != 2
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _start)
            || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _stop))
        {
            return SdpParseError.MalformedTiming;
        }

        return SdpParseError.None;
    }

    private SdpParseError ParseMedia(string value)
    {
        FinishMedia();
        string[] parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || !SdpParser.TryParseInt(parts[1].Split('/')[0], 0, 65535, out int port))
        {
            return SdpParseError.MalformedMedia;
        }

        _current = new MediaSection(parts[0], port, parts[2], parts[3..]);
        return SdpParseError.None;
    }

    private SdpParseError ParseAttribute(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? value : value[..colon];
        string? argument = colon < 0 ? null : value[(colon + 1)..];
        MediaDirection? direction = name switch
        {
            "sendrecv" => MediaDirection.SendRecv,
            "sendonly" => MediaDirection.SendOnly,
            "recvonly" => MediaDirection.RecvOnly,
            "inactive" => MediaDirection.Inactive,
            _ => null,
        };

        if (_current is null)
        {
            if (direction is not null)
            {
                _direction = direction;
            }
            else
            {
                _sessionAttributes.Add(new SdpAttribute(name, argument));
            }

            return SdpParseError.None;
        }

        return _current.Accept(name, argument, direction);
    }

    private void FinishMedia()
    {
        if (_current is not null)
        {
            _media.Add(_current.Build());
            _current = null;
        }
    }
}
