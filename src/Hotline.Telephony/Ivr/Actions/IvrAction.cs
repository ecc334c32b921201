namespace Hotline.Telephony.Ivr.Actions;

/// <summary>Something the IVR flow asks the call to do; the flows themselves do no I/O.</summary>
public abstract record IvrAction;
