namespace Hotline.Silo.Tickets;

/// <summary>A running time limit: from <see cref="Start"/> to <see cref="Due"/>, in working or calendar time.</summary>
internal sealed record Deadline(DateTimeOffset Start, DateTimeOffset Due, bool WorkingTime);
