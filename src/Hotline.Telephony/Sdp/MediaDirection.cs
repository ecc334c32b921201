namespace Hotline.Telephony.Sdp;

/// <summary>RFC 8866 §6.7: a=sendrecv / sendonly / recvonly / inactive, from the describing side's view.</summary>
public enum MediaDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}
