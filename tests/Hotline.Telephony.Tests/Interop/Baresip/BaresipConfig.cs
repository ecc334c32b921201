using System.Globalization;

namespace Hotline.Telephony.Tests.Interop.Baresip;

/// <summary>Writes the config directory for one headless baresip 1.0 (the -f argument).</summary>
internal static class BaresipConfig
{
    /// <summary>
    /// Loopback only, no sound card: ausine (a 440 Hz tone, 48 kHz stereo that baresip resamples to the
    /// codec) is the microphone, aubridge with no matching source is a speaker that discards. ctrl_tcp
    /// takes JSON commands and reports events; cons takes keystrokes, which is the only way 1.0 sends
    /// DTMF (its menu binds the digits to keys, not to a named command). The accounts file stays empty:
    /// the account is added over ctrl_tcp once the test listens for events, so REGISTER_OK is not missed.
    /// </summary>
    public static void Write(string directory, int controlPort, int consolePort, string? trustedCertificate = null, int toneHz = 440)
    {
        List<string> lines =
        [
            "poll_method epoll",
            // Port 0: the kernel picks the SIP port (baresip also listens on TLS at port+1 when a port is given).
            "sip_listen 127.0.0.1:0",
            // Without it the SDP carries the first non-loopback address (eth0) instead of 127.0.0.1.
            "net_interface 127.0.0.1",
            "audio_player aubridge,speaker",
            "audio_alert aubridge,alert",
            string.Create(CultureInfo.InvariantCulture, $"audio_source ausine,{toneHz}"),
            "ausrc_srate 48000",
            "ausrc_channels 2",
            "module_path " + BaresipInstallation.ModulePath,
            "module g711.so",
            // SDES-SRTP (RFC 4568), used only by accounts with mediaenc=srtp or srtp-mand.
            "module srtp.so",
            "module ausine.so",
            "module aubridge.so",
            "module cons.so",
            "module_app account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            // The menu's once-a-second status line would flood the captured output.
            "statmode_default off",
            string.Create(CultureInfo.InvariantCulture, $"ctrl_tcp_listen 127.0.0.1:{controlPort}"),
            string.Create(CultureInfo.InvariantCulture, $"cons_listen 127.0.0.1:{consolePort}"),
        ];
        if (trustedCertificate is not null)
        {
            lines.Add("sip_cafile " + trustedCertificate);
        }
        File.WriteAllLines(Path.Combine(directory, "config"), lines);
        File.WriteAllText(Path.Combine(directory, "accounts"), string.Empty);
    }
}
