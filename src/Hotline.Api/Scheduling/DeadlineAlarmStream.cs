using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hotline.Api.Desks;
using Hotline.Api.Pipeline;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Scheduling;

/// <summary>
/// Supervision.WatchDeadlineAlarms: the supervisors' feed (<see cref="SupervisionFeed"/>) as a server stream, with
/// the same slot limit, slow-consumer cut-off and clean end at host shutdown as a department's WatchTickets.
/// </summary>
internal static class DeadlineAlarmStream
{
    public static async Task WatchAsync(
        ITicketFeed feed, StreamSlots slots, TimeSpan slowConsumerTimeout, TimeProvider time,
        Caller supervisor, V1.WatchDeadlineAlarmsRequest request, IServerStreamWriter<V1.TicketEvent> responseStream, ServerCallContext context)
    {
        var after = Cursor(request.Cursor);
        using var slot = slots.Take(supervisor, "WatchDeadlineAlarms");
        var stopping = context.ServerStopping();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
        try
        {
            await foreach (var item in feed.WatchAsync(SupervisionFeed.Id, after, watching.Token))
            {
                var message = new V1.TicketEvent
                {
                    Cursor = item.Cursor.ToString(CultureInfo.InvariantCulture),
                    Ticket = TicketMessages.ToMessage(item.Ticket),
                    At = Timestamp.FromDateTimeOffset(item.At),
                    Kind = item.Kind,
                };
                await responseStream.WriteWithinAsync(message, context, slowConsumerTimeout, time);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Host shutdown: end the stream cleanly; the client resumes from its last cursor on another host.
        }
    }

    private static long Cursor(string cursor)
    {
        if (cursor.Length == 0)
        {
            return 0;
        }

        return long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw RequestFields.Invalid("cursor", "is not a cursor this server issued");
    }
}
