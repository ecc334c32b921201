namespace Hotline.Silo.WebConsole;

/// <summary>What a sign-in attempt came to.</summary>
internal enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown id or wrong password: the page does not say which.</summary>
    Wrong,

    /// <summary>Too many wrong passwords; refused until <see cref="SignInResult.LockedUntil"/>, even with the right one.</summary>
    Locked,

    Disabled,
}
