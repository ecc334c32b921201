using Hotline.Contracts.Organisation;
using Hotline.Contracts.Tickets;

namespace Hotline.Contracts.Grains;

/// <summary>A handling department, keyed by its id: its profile and time limits, cached per activation.</summary>
public interface IDepartmentGrain : IGrainWithStringKey
{
    /// <summary>The department; throws <see cref="TicketRefusedException"/> (NotFound) when no such department exists.</summary>
    Task<Department> GetAsync();
}
