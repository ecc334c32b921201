using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets;

/// <summary>
/// Ticket rules that vary by city, bound from configuration section "Tickets". Calendar-time limits
/// (EMERGENCY, UTILITY) run through nights and holidays; NORMAL limits count working days.
/// </summary>
internal sealed class TicketOptions
{
    public const string SectionName = "Tickets";

    public TimeSpan EmergencySignWithin { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan UtilitySignWithin { get; set; } = TimeSpan.FromMinutes(30);

    public int NormalSignWorkingDays { get; set; } = 1;

    public TimeSpan EmergencyHandleWithin { get; set; } = TimeSpan.FromHours(2);

    public TimeSpan UtilityHandleWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>NORMAL handling limit when a department has none configured (its HandlingWorkingDays ≤ 0).</summary>
    public int DefaultHandlingWorkingDays { get; set; } = 5;

    /// <summary>A department may return a ticket only this many working days after it was dispatched.</summary>
    public int ReturnWindowWorkingDays { get; set; } = 1;

    /// <summary>Share of a deadline's time after which it shows as a warning.</summary>
    public double WarningFraction { get; set; } = 0.8;

    /// <summary>Working days after a deadline passed at which it is escalated to supervisors (督办).</summary>
    public int EscalateAfterOverdueWorkingDays { get; set; } = 1;

    /// <summary>Dispatches without a department signing, after which only a supervisor may designate one.</summary>
    public int DispatchesBeforeDesignation { get; set; } = 3;

    public int MaxExtensionDays { get; set; } = 30;

    /// <summary>Categories closed at once when resolved on the spot (no callback). Null means 咨询 only.</summary>
    public Category[]? CategoriesWithoutCallback { get; set; }

    public bool NeedsCallback(Category category) =>
        !(CategoriesWithoutCallback ?? [Category.Consultation]).Contains(category);
}
