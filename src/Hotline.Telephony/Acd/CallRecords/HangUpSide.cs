namespace Hotline.Telephony.Acd.CallRecords;

public enum HangUpSide
{
    Caller,
    Agent,

    /// <summary>The edge ended the call (overflow, callback accepted, survey done, fault).</summary>
    System,
}
