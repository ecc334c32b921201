namespace Hotline.Telephony.Calls;

/// <summary>
/// Port to the numbers an agent may add to a call (三方通话): the handling departments' duty phones.
/// The host answers from its live organisation directory; without one, Calls:DepartmentNumbers.
/// </summary>
public interface IDepartmentNumbers
{
    /// <summary>True when <paramref name="number"/> is a department's number that may be dialled.</summary>
    bool Contains(string number);
}
