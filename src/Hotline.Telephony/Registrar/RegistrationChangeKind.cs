namespace Hotline.Telephony.Registrar;

public enum RegistrationChangeKind
{
    /// <summary>The agent had no contact and now has one.</summary>
    Registered,

    /// <summary>Contacts were added, refreshed or removed; the agent is still reachable.</summary>
    ContactsChanged,

    /// <summary>The agent removed its last contact (Expires: 0 or Contact: *).</summary>
    Unregistered,

    /// <summary>The last contact expired without a refresh: the phone is gone; take the agent out of routing.</summary>
    Lapsed,

    /// <summary>The last contact stopped answering OPTIONS probes: the phone is gone although its registration had time left.</summary>
    Unreachable,
}
