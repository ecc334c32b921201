using System.Diagnostics;
using System.Globalization;
using System.Net;
using Hotline.Telephony.Tests.Interop;

namespace Hotline.Telephony.Tests.Calls;

/// <summary>
/// A registered sipp phone (phone-register-hold.xml, digest) answering the edge's INVITEs with
/// phone-answer-rtp-until-bye.xml, its audio on a <see cref="LevelPhone"/> of the test. It stays registered
/// until disposed, which ends the process: a test with several phases needs no fixed registration time.
/// </summary>
internal sealed class SippPhone : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("sipp-phone-");
    private readonly Task<string> _output;
    private readonly string _injection;

    public SippPhone(IPEndPoint edge, string id, string password, int rtpPort)
    {
        _injection = SippRunner.WriteInjectionFile((id, password));
        var start = new ProcessStartInfo("/usr/bin/sipp")
        {
            WorkingDirectory = _work.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            $"{edge.Address}:{edge.Port}", "-t", "u1", "-i", "127.0.0.1", "-m", "1", "-nostdin",
            "-sf", SippRunner.ScenarioPath("phone-register-hold.xml"), "-d", "300000",
            "-inf", _injection,
            "-oocsf", SippRunner.ScenarioPath("phone-answer-rtp-until-bye.xml"),
            "-key", "rtp_port", rtpPort.ToString(CultureInfo.InvariantCulture),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        var stderr = _process.StandardError.ReadToEndAsync();
        _output = _process.StandardOutput.ReadToEndAsync().ContinueWith(o => o.Result + stderr.Result, TaskScheduler.Default);
    }

    public bool HasExited => _process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        await _output;
        _process.Dispose();
        _work.Delete(recursive: true);
        File.Delete(_injection);
    }
}
