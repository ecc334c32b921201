using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// A command that creates or changes a ticket. <see cref="RequestId"/> (AIP-155), when set, is stored with the
/// change in the same transaction, so a retry of the same command by the same caller changes nothing and is
/// answered with the ticket as it is now.
/// </summary>
public interface ITicketCommand
{
    Caller Caller { get; }

    string? RequestId { get; }
}
