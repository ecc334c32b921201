namespace Hotline.Telephony.Calls;

/// <summary>Why an agent command was refused; each maps to one gRPC status.</summary>
public enum CallCenterRefusal
{
    /// <summary>No such agent, or no call to act on (NOT_FOUND).</summary>
    NotFound,

    /// <summary>The agent's state does not allow it, e.g. ON_CALL going READY (FAILED_PRECONDITION).</summary>
    WrongState,

    /// <summary>A malformed or unreachable target (INVALID_ARGUMENT).</summary>
    InvalidArgument,

    /// <summary>The edge cannot do it now, e.g. no RTP ports or the target did not answer (UNAVAILABLE).</summary>
    Unavailable,

    /// <summary>Not allowed whatever the state, e.g. a number the toll-fraud rules keep from the trunk (PERMISSION_DENIED).</summary>
    Forbidden,
}
