using System.Collections.Frozen;
using Hotline.Telephony.Calls;
using Microsoft.Extensions.Options;

namespace Hotline.Silo.Organisation;

/// <summary>
/// The numbers a three-party call may add: every active department's duty phone in the live
/// directory, plus any configured in Calls:DepartmentNumbers (numbers outside the directory).
/// Replaced whole on each directory change, so a reader never sees a half-updated set.
/// </summary>
internal sealed class DirectoryDepartmentNumbers(IOptions<CallCenterOptions> options) : IDepartmentNumbers
{
    private readonly FrozenSet<string> _configured = options.Value.DepartmentNumbers.ToFrozenSet(StringComparer.Ordinal);
    private volatile FrozenSet<string> _fromDirectory = FrozenSet<string>.Empty;

    public bool Contains(string number) => _configured.Contains(number) || _fromDirectory.Contains(number);

    public void SetDirectory(IEnumerable<DirectoryDepartment> departments) =>
        _fromDirectory = departments.Where(d => d.Active && d.DutyPhone is not null).Select(d => d.DutyPhone!).ToFrozenSet(StringComparer.Ordinal);
}
