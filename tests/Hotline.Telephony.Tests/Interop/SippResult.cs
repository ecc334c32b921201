namespace Hotline.Telephony.Tests.Interop;

internal sealed record SippResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n{Errors}\n{Output[^Math.Min(Output.Length, 3000)..]}";
}
