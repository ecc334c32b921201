namespace Hotline.Telephony.Ivr;

/// <summary>File names (without .wav) of the prompts every prompt set provides.</summary>
public static class PromptNames
{
    public const string Greeting = "greeting";
    public const string Menu = "menu";
    public const string Invalid = "invalid";
    public const string PositionBefore = "position-before";
    public const string PositionAfter = "position-after";
    public const string WaitBefore = "wait-before";
    public const string WaitMinutes = "wait-minutes";
    public const string CallbackOffer = "callback-offer";
    public const string CallbackConfirmed = "callback-confirmed";
    public const string Survey = "survey";
    public const string ReturnVisit = "return-visit";
    public const string Thanks = "thanks";
    public const string HoldMusic = "hold-music";

    public static string Digit(int digit) => digit is >= 0 and <= 9
        ? "digit-" + (char)('0' + digit)
        : throw new ArgumentOutOfRangeException(nameof(digit), digit, "A single decimal digit.");

    public static IEnumerable<string> All =>
        new[] { Greeting, Menu, Invalid, PositionBefore, PositionAfter, WaitBefore, WaitMinutes, CallbackOffer, CallbackConfirmed, Survey, ReturnVisit, Thanks, HoldMusic }
            .Concat(Enumerable.Range(0, 10).Select(Digit));
}
