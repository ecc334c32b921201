using Hotline.Silo.Staff;
using Hotline.Silo.Storage;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// Checks a staff id and password, counting wrong passwords in the store: the <see cref="StaffRules.MaxFailedAttempts"/>th in a
/// row locks the account for <see cref="StaffRules.LockOutFor"/> (plain code over the store; the page only renders the result).
/// </summary>
internal sealed class StaffSignIn(IStaffStore staff, TimeProvider timeProvider)
{
    /// <summary>Verified against for unknown ids, so an unknown id costs the same time as a wrong password.</summary>
    private static readonly Lazy<string> Decoy = new(() => StaffPassword.Hash("decoy password for unknown ids"));

    public async Task<SignInResult> SignInAsync(string id, string password, CancellationToken cancellationToken)
    {
        var account = StaffRules.CheckId(id) is null && password.Length is > 0 and <= 128
            ? await staff.FindAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
        if (account is null)
        {
            StaffPassword.Verify(password, Decoy.Value);
            return new SignInResult(SignInOutcome.Wrong);
        }

        var now = timeProvider.GetUtcNow();
        if (account.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.Locked, LockedUntil: until);
        }

        if (!StaffPassword.Verify(password, account.PasswordHash))
        {
            var lockUntil = now + StaffRules.LockOutFor;
            await staff.RecordFailureAsync(id, lockUntil, cancellationToken).ConfigureAwait(false);
            return account.FailedAttempts + 1 >= StaffRules.MaxFailedAttempts
                ? new SignInResult(SignInOutcome.Locked, LockedUntil: lockUntil)
                : new SignInResult(SignInOutcome.Wrong);
        }

        if (!account.Enabled)
        {
            return new SignInResult(SignInOutcome.Disabled);
        }

        await staff.RecordSuccessAsync(id, cancellationToken).ConfigureAwait(false);
        return new SignInResult(SignInOutcome.SignedIn, account);
    }
}
