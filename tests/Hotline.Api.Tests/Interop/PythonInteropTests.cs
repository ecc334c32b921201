using System.Diagnostics;
using Hotline.Api.Tests.Support;

namespace Hotline.Api.Tests.Interop;

/// <summary>
/// Drives the gRPC layer from Debian's python3-grpcio (tests/interop/echo_interop.py), an independent
/// gRPC implementation, against a real Kestrel server on a free loopback port.
/// Needs /usr/bin/python3 with grpc (tests/interop/install-deps.sh installs it).
/// </summary>
public sealed class PythonInteropTests
{
    [Fact]
    public async Task EchoInterop_PythonGrpcio_EveryCheckPasses()
    {
        await using var server = await TestGrpcServer.StartAsync();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Combine("tests", "interop"),
            Environment = { ["PYTHONDONTWRITEBYTECODE"] = "1" },
        };
        foreach (var argument in new[]
        {
            "echo_interop.py",
            "--target", $"{server.Address.Host}:{server.Address.Port}",
            "--token", TestTokenValidator.StaffToken,
            "--proto-root", RepositoryPaths.Combine("tests", "Hotline.Api.Tests", "Protos"),
            "--reflection-root", RepositoryPaths.Combine("src", "Hotline.Api", "Protos"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        // Bounds a hung peer; the script's own calls carry deadlines.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await python.WaitForExitAsync(guard.Token);

        string report = await output + await errors;
        Assert.True(python.ExitCode == 0, report);
        Assert.DoesNotContain(report.Split('\n'), line => line.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Equal(19, report.Split('\n').Count(line => line.StartsWith("PASS ", StringComparison.Ordinal)));
    }
}
