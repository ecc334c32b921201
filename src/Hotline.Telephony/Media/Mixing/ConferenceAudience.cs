namespace Hotline.Telephony.Media.Mixing;

/// <summary>
/// Who hears a party in a conference: one flag per <see cref="ConferenceParty"/> (bit = the party's index).
/// A silently monitoring supervisor is heard by <see cref="None"/>, a whispering one by the
/// <see cref="Agent"/> only, a barging one by <see cref="Everyone"/>.
/// </summary>
[Flags]
public enum ConferenceAudience
{
    None = 0,
    Caller = 1 << (int)ConferenceParty.Caller,
    Agent = 1 << (int)ConferenceParty.Agent,
    ThirdParty = 1 << (int)ConferenceParty.ThirdParty,
    Supervisor = 1 << (int)ConferenceParty.Supervisor,
    Everyone = Caller | Agent | ThirdParty | Supervisor,
}
