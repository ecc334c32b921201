using Google.Protobuf.WellKnownTypes;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Tickets;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Desks;

/// <summary>Explicit mapping from domain records to the hotline.v1 messages.</summary>
internal static class TicketMessages
{
    public static V1.Ticket ToMessage(TicketView view)
    {
        var message = new V1.Ticket
        {
            TicketId = view.Id,
            State = TicketEnums.ToMessage(view.State),
            Category = TicketEnums.ToMessage(view.Category),
            Urgency = TicketEnums.ToMessage(view.Urgency),
            CallerPhone = view.CallerPhone,
            CallerName = view.CallerName,
            District = view.District,
            Address = view.Address,
            Content = view.Content,
            CreatedAt = Timestamp.FromDateTimeOffset(view.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(view.UpdatedAt),
            DepartmentId = view.LeadDepartmentId ?? "",
            Instructions = view.Instructions ?? "",
            DispatchCount = view.DispatchCount,
            NeedsDesignation = view.NeedsDesignation,
            Designated = view.Designated,
            Reply = view.Reply ?? "",
            Answer = view.Answer ?? "",
            ParentTicketId = view.ParentTicketId ?? "",
            Version = view.Version,
        };
        message.AssistingDepartmentIds.AddRange(view.AssistingDepartmentIds);
        message.MergedTicketIds.AddRange(view.MergedChildIds);
        message.Progress.AddRange(view.Progress.Select(ToMessage));
        if (view.DispatchedAt is { } dispatchedAt)
        {
            message.DispatchedAt = Timestamp.FromDateTimeOffset(dispatchedAt);
        }

        if (view.SignDeadline is { } signDue)
        {
            message.SignDeadline = new V1.Deadline { DueAt = Timestamp.FromDateTimeOffset(signDue), Status = TicketEnums.ToMessage(view.SignStatus) };
        }

        if (view.HandleDeadline is { } handleDue)
        {
            message.HandleDeadline = new V1.Deadline { DueAt = Timestamp.FromDateTimeOffset(handleDue), Status = TicketEnums.ToMessage(view.HandleStatus) };
        }

        if (view.PendingExtension is { } extension)
        {
            message.PendingExtension = new V1.ExtensionRequest
            {
                Days = extension.Days,
                Reason = extension.Reason,
                RequestedAt = Timestamp.FromDateTimeOffset(extension.RequestedAt),
            };
        }

        if (view.Callback is { } callback)
        {
            message.Satisfaction = TicketEnums.ToMessage(callback.Satisfaction);
            message.CallbackNote = callback.Note ?? "";
        }

        return message;
    }

    public static V1.HistoryEntry ToMessage(TicketHistoryEntry entry) => new()
    {
        Sequence = entry.Version,
        At = Timestamp.FromDateTimeOffset(entry.At),
        Actor = entry.Actor,
        Action = TicketEnums.ToHistoryAction(entry.Type),
        Reason = entry.Reason ?? "",
        DetailsJson = entry.DetailsJson,
    };

    public static V1.Department ToMessage(Department department) => new()
    {
        DepartmentId = department.Id,
        Name = department.Name,
        HandlingWorkingDays = department.HandlingWorkingDays,
    };

    private static V1.ProgressNote ToMessage(ProgressNote note) => new()
    {
        DepartmentId = note.DepartmentId,
        Content = note.Note,
        At = Timestamp.FromDateTimeOffset(note.At),
    };
}
