namespace Hotline.Telephony.Media.Dtmf;

/// <summary>A key the caller pressed, reported once however many end packets carried it.</summary>
public readonly record struct DtmfDigit(char Digit, TimeSpan Duration);
