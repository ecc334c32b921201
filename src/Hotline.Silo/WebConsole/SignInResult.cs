using Hotline.Silo.Staff;

namespace Hotline.Silo.WebConsole;

/// <summary>The outcome of <see cref="StaffSignIn.SignInAsync"/>; <see cref="Account"/> is set only when signed in.</summary>
internal sealed record SignInResult(SignInOutcome Outcome, StaffAccount? Account = null, DateTimeOffset? LockedUntil = null);
