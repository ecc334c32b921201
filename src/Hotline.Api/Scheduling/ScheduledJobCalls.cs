using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hotline.Api.Desks;
using Hotline.Contracts.Paging;
using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Security;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Scheduling;

/// <summary>
/// Supervision's scheduled-job calls: request fields checked and turned into <see cref="IScheduledJobs"/> calls,
/// results into messages. Who may call is checked by the service before these run.
/// </summary>
internal static class ScheduledJobCalls
{
    private const int MaxPageTokenLength = 1024;

    private const int MaxJobIdLength = 128;

    /// <summary>As the ticket's rules allow (ScheduleChanges.MaxReasonLength).</summary>
    private const int MaxReasonLength = 200;

    public static async Task<V1.ListScheduledJobsResponse> ListAsync(IScheduledJobs jobs, V1.ListScheduledJobsRequest request, CancellationToken cancellationToken)
    {
        var from = RequestFields.Time(request.DueFrom);
        var to = RequestFields.Time(request.DueTo);
        if (from is not null && to is not null && to <= from)
        {
            throw RequestFields.Invalid("due_to", "must be after due_from");
        }

        var pageSize = PageSizes.Resolve(request.PageSize) ?? throw RequestFields.Invalid("page_size", PageSizes.Rule);
        if (request.PageToken.Length > MaxPageTokenLength)
        {
            throw RequestFields.Invalid("page_token", "is malformed or was issued for other filters; repeat the same filters, or start without a token");
        }

        var query = new ScheduledJobQuery(
            request.TicketId.Length == 0 ? null : RequestFields.TicketId(request.TicketId),
            Kind(request.Kind),
            from,
            to,
            pageSize,
            RequestFields.Optional(request.PageToken));
        var page = await jobs.ListAsync(query, cancellationToken);
        var response = new V1.ListScheduledJobsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Jobs.AddRange(page.Jobs.Select(ToMessage));
        return response;
    }

    public static async Task<V1.ScheduledJob> RescheduleAsync(IScheduledJobs jobs, Caller supervisor, V1.RescheduleJobRequest request, CancellationToken cancellationToken)
    {
        var jobId = JobId(request.JobId);
        var dueAt = RequestFields.Time(request.DueAt) ?? throw RequestFields.Invalid("due_at", "is required");
        return ToMessage(await jobs.RescheduleAsync(supervisor, jobId, dueAt, Reason(request.Reason), cancellationToken));
    }

    public static async Task<V1.CancelJobResponse> CancelAsync(IScheduledJobs jobs, Caller supervisor, V1.CancelJobRequest request, CancellationToken cancellationToken)
    {
        await jobs.CancelAsync(supervisor, JobId(request.JobId), Reason(request.Reason), cancellationToken);
        return new V1.CancelJobResponse();
    }

    public static V1.ScheduledJob ToMessage(ScheduledJob job)
    {
        var message = new V1.ScheduledJob
        {
            JobId = job.JobId,
            Kind = job.Kind switch
            {
                ScheduledJobKind.DeadlineWarning => V1.ScheduledJobKind.DeadlineWarning,
                ScheduledJobKind.DeadlineOverdue => V1.ScheduledJobKind.DeadlineOverdue,
                ScheduledJobKind.DeadlineEscalation => V1.ScheduledJobKind.DeadlineEscalation,
                ScheduledJobKind.ReturnVisit => V1.ScheduledJobKind.ReturnVisit,
                ScheduledJobKind.Callback => V1.ScheduledJobKind.Callback,
                _ => V1.ScheduledJobKind.ReportSnapshot,
            },
            TicketId = job.TicketId ?? "",
            DueAt = Timestamp.FromDateTimeOffset(job.DueAt),
            Deadline = job.Deadline ?? "",
            DepartmentId = job.DepartmentId ?? "",
            Rescheduled = job.Rescheduled,
        };
        if (job.DeadlineDueAt is { } deadline)
        {
            message.DeadlineDueAt = Timestamp.FromDateTimeOffset(deadline);
        }

        return message;
    }

    private static ScheduledJobKind? Kind(V1.ScheduledJobKind kind) => kind switch
    {
        V1.ScheduledJobKind.Unspecified => null,
        V1.ScheduledJobKind.DeadlineWarning => ScheduledJobKind.DeadlineWarning,
        V1.ScheduledJobKind.DeadlineOverdue => ScheduledJobKind.DeadlineOverdue,
        V1.ScheduledJobKind.DeadlineEscalation => ScheduledJobKind.DeadlineEscalation,
        V1.ScheduledJobKind.ReturnVisit => ScheduledJobKind.ReturnVisit,
        V1.ScheduledJobKind.Callback => ScheduledJobKind.Callback,
        V1.ScheduledJobKind.ReportSnapshot => ScheduledJobKind.ReportSnapshot,
        _ => throw RequestFields.Invalid("kind", "must be a known ScheduledJobKind"),
    };

    /// <summary>Checked here too so a missing reason is INVALID_ARGUMENT before any ticket is looked up.</summary>
    private static string Reason(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RequestFields.Invalid("reason", "is required");
        }

        return value.Length <= MaxReasonLength && !value.Any(char.IsControl)
            ? value
            : throw RequestFields.Invalid("reason", $"must be at most {MaxReasonLength} characters without control characters");
    }

    private static string JobId(string value)
    {
        if (value.Length == 0)
        {
            throw RequestFields.Invalid("job_id", "is required");
        }

        return value.Length <= MaxJobIdLength && value.All(c => c is >= '!' and <= '~')
            ? value
            : throw RequestFields.Invalid("job_id", $"must be 1–{MaxJobIdLength} printable ASCII characters");
    }
}
