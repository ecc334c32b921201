namespace Hotline.Telephony.Registrar;

internal enum RegistrationResult
{
    Applied,

    /// <summary>Same Call-ID with a CSeq not above the binding's: an old or reordered request (§10.3 step 7).</summary>
    OutOfOrder,

    TooManyContacts,
}
