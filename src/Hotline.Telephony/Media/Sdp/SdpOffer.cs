using System.Globalization;
using System.Net;

namespace Hotline.Telephony.Media.Sdp;

/// <summary>
/// The parts of an SDP offer (RFC 4566) the edge answers: the audio stream's connection address, port
/// and payload types in the offerer's order of preference. Video and other streams are refused by port 0.
/// </summary>
internal sealed record SdpOffer(IPAddress Address, int AudioPort, IReadOnlyList<SdpPayload> AudioPayloads, IReadOnlyList<string> DeclinedMedia)
{
    public static bool TryParse(string text, out SdpOffer offer)
    {
        offer = null!;
        IPAddress? sessionAddress = null;
        IPAddress? audioAddress = null;
        var audioPort = -1;
        var types = new List<int>();
        var maps = new Dictionary<int, (string Encoding, int Rate)>();
        var formats = new Dictionary<int, string>();
        var declined = new List<string>();
        var inAudio = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length < 2 || line[1] != '=')
            {
                continue;
            }
            var value = line[2..];
            switch (line[0])
            {
                case 'c' when TryParseConnection(value, out var address):
                    if (inAudio)
                    {
                        audioAddress = address;
                    }
                    else if (audioPort < 0)
                    {
                        sessionAddress = address;
                    }
                    break;
                case 'm':
                    inAudio = value.StartsWith("audio ", StringComparison.Ordinal) && audioPort < 0;
                    if (inAudio && !TryParseMedia(value, out audioPort, types))
                    {
                        return false;
                    }
                    if (!inAudio)
                    {
                        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        declined.Add(parts.Length >= 4 ? $"{parts[0]} 0 {parts[2]} {parts[3]}" : "application 0 RTP/AVP 0");
                    }
                    break;
                case 'a' when inAudio && value.StartsWith("rtpmap:", StringComparison.Ordinal):
                    ParseRtpMap(value[7..], maps);
                    break;
                case 'a' when inAudio && value.StartsWith("fmtp:", StringComparison.Ordinal):
                    var space = value.IndexOf(' ');
                    if (space > 5 && int.TryParse(value.AsSpan(5, space - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
                    {
                        formats[pt] = value[(space + 1)..];
                    }
                    break;
            }
        }
        var connection = audioAddress ?? sessionAddress;
        if (audioPort < 0 || connection is null)
        {
            return false;
        }
        var payloads = types.Select(t => maps.TryGetValue(t, out var map)
            ? new SdpPayload(t, map.Encoding, map.Rate, formats.GetValueOrDefault(t))
            : StaticPayload(t)).OfType<SdpPayload>().ToList();
        offer = new SdpOffer(connection, audioPort, payloads, declined);
        return true;
    }

    /// <summary>RFC 3551 Table 4: static types need no rtpmap.</summary>
    private static SdpPayload? StaticPayload(int type) => type switch
    {
        0 => new SdpPayload(0, "PCMU", 8000, null),
        8 => new SdpPayload(8, "PCMA", 8000, null),
        _ => null,
    };

    private static bool TryParseConnection(string value, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = value.Split(' ');
        return parts.Length == 3 && parts[0] == "IN" && parts[1] is "IP4" or "IP6" && IPAddress.TryParse(parts[2].Split('/')[0], out address!);
    }

    private static bool TryParseMedia(string value, out int port, List<int> types)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        port = -1;
        if (parts.Length < 4 || !int.TryParse(parts[1].Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            return false;
        }
        foreach (var type in parts.Skip(3))
        {
            if (int.TryParse(type, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt <= 127)
            {
                types.Add(pt);
            }
        }
        return true;
    }

    private static void ParseRtpMap(string value, Dictionary<int, (string, int)> maps)
    {
        var space = value.IndexOf(' ');
        if (space <= 0 || !int.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
        {
            return;
        }
        var encoding = value[(space + 1)..].Split('/');
        if (encoding.Length >= 2 && int.TryParse(encoding[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rate))
        {
            maps[pt] = (encoding[0], rate);
        }
    }
}
