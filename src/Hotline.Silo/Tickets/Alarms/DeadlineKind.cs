namespace Hotline.Silo.Tickets.Alarms;

/// <summary>Which of a ticket's two promises an alarm is about.</summary>
internal enum DeadlineKind
{
    /// <summary>签收: the department signs for the ticket.</summary>
    Sign,

    /// <summary>办理: the department replies.</summary>
    Handle,
}
