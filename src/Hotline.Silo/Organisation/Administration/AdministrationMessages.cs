using Google.Protobuf.WellKnownTypes;
using V1 = Hotline.Api.V1;

namespace Hotline.Silo.Organisation.Administration;

/// <summary>The directory's records as Administration messages and back; empty strings stand for "none".</summary>
internal static class AdministrationMessages
{
    public static V1.DirectoryDepartment ToMessage(DirectoryDepartment d)
    {
        var message = new V1.DirectoryDepartment
        {
            Id = d.Id,
            Name = d.Name,
            Kind = d.Kind,
            ParentId = d.ParentId ?? "",
            Responsibilities = d.Responsibilities,
            HandleWorkingDays = d.HandleWorkingDays,
            DutyPhone = d.DutyPhone ?? "",
            Active = d.Active,
        };
        message.Keywords.AddRange(d.Keywords);
        return message;
    }

    /// <summary>A new department from its message: always active.</summary>
    public static DirectoryDepartment FromMessage(V1.DirectoryDepartment m) =>
        new(m.Id, m.Name, m.Kind, Blank(m.ParentId), m.Responsibilities, [.. m.Keywords], m.HandleWorkingDays, Blank(m.DutyPhone));

    /// <summary>The fields the update sets, over the stored department.</summary>
    public static DirectoryDepartment Apply(DirectoryDepartment d, V1.UpdateDirectoryDepartmentRequest r) => d with
    {
        Name = r.Name ?? d.Name,
        Kind = r.Kind ?? d.Kind,
        ParentId = r.ParentId is { } parent ? Blank(parent) : d.ParentId,
        Responsibilities = r.Responsibilities ?? d.Responsibilities,
        Keywords = r.Keywords is { } keywords ? [.. keywords.Values] : d.Keywords,
        HandleWorkingDays = r.HandleWorkingDays ?? d.HandleWorkingDays,
        DutyPhone = r.DutyPhone is { } phone ? Blank(phone) : d.DutyPhone,
        Active = d.Active || r.Active == true,
    };

    public static V1.DirectoryChange ToMessage(DirectoryChange c) => new()
    {
        Sequence = c.Sequence,
        Subject = c.Subject,
        SubjectId = c.SubjectId,
        Action = c.Action,
        Actor = c.Actor,
        At = Timestamp.FromDateTimeOffset(c.At),
        Reason = c.Reason,
        BeforeJson = c.Before ?? "",
        AfterJson = c.After ?? "",
    };

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
