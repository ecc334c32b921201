using Microsoft.Extensions.Options;

namespace Hotline.Telephony.Calls;

/// <summary>The department numbers of the configuration (Calls:DepartmentNumbers) alone.</summary>
internal sealed class ConfiguredDepartmentNumbers(IOptions<CallCenterOptions> options) : IDepartmentNumbers
{
    private readonly HashSet<string> _numbers = [.. options.Value.DepartmentNumbers];

    public bool Contains(string number) => _numbers.Contains(number);
}
