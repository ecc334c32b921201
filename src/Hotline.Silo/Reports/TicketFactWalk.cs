using System.Globalization;
using System.Text.Json;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Tickets.Alarms;

namespace Hotline.Silo.Reports;

/// <summary>
/// The state <see cref="TicketFactExtractor"/> keeps while it walks a history: the current dispatch round
/// (department, deadlines, signed yet) and the callback round, plus which firsts were already counted.
/// </summary>
internal sealed class TicketFactWalk
{
    private readonly List<ReportFact> _facts = [];
    private readonly HashSet<(ReportMeasure, string)> _counted = [];
    private string? _department;
    private DateTimeOffset? _signDue;
    private DateTimeOffset? _handleDue;
    private bool _signed;
    private bool _replied;
    private bool _callbackRoundOpen;

    public IReadOnlyList<ReportFact> Facts => _facts;

    public void Apply(string type, DateTimeOffset at, JsonElement data)
    {
        switch (type)
        {
            case "created":
                Once(at, ReportMeasure.TicketsCreated);
                break;
            case "merged":
                Once(at, ReportMeasure.TicketsMerged);
                break;
            case "resolved_directly":
                Once(at, ReportMeasure.ResolvedDirectly);
                if (TicketFactExtractor.Is(TicketFactExtractor.Text(data, "to"), TicketState.Closed))
                {
                    Once(at, ReportMeasure.Closed);
                }
                else
                {
                    OpenCallbackRound(at);
                }

                break;
            case "dispatched" or "designated":
                _department = TicketFactExtractor.Text(data, "lead_department_id");
                _signDue = TicketFactExtractor.Due(data, "sign_deadline");
                _handleDue = TicketFactExtractor.Due(data, "handle_deadline");
                _signed = false;
                _replied = false;
                Both(at, ReportMeasure.Dispatched);
                break;
            case "return_rejected":
                _signDue = TicketFactExtractor.Due(data, "sign_deadline");
                _signed = false;
                break;
            case "claimed":
                Claimed(at);
                break;
            case "returned":
                Both(at, ReportMeasure.Returns);
                break;
            case "extension_approved":
                _handleDue = TicketFactExtractor.Text(data, "new_handle_due") is { } due
                    && DateTimeOffset.TryParse(due, CultureInfo.InvariantCulture, out var parsed) ? parsed : _handleDue;
                Both(at, ReportMeasure.Extensions);
                break;
            case "replied":
                Replied(at);
                break;
            case "reply_approved":
                OpenCallbackRound(at);
                break;
            case "deadline_overdue":
                // The scheduler's alarm at the due time: a handling deadline passing unreplied is 超期未办结.
                if (!_replied && TicketFactExtractor.Is(TicketFactExtractor.Text(data, "deadline"), DeadlineKind.Handle))
                {
                    Both(at, ReportMeasure.OverdueUnreplied);
                }

                break;
            case "callback_recorded":
                CallbackRecorded(at, TicketFactExtractor.Text(data, "satisfaction"));
                break;
            default:
                // Progress notes, extension requests and refusals, rejected replies, merged children: no counter.
                break;
        }
    }

    private void Claimed(DateTimeOffset at)
    {
        if (_signed)
        {
            return;
        }

        _signed = true;
        var onTime = _signDue is null || at <= _signDue;
        var (ticket, department) = Both(at, ReportMeasure.Claims);
        if (onTime && ticket)
        {
            Add(at, ReportMeasure.ClaimsOnTime, ReportScope.Ticket);
        }

        if (onTime && department)
        {
            Add(at, ReportMeasure.ClaimsOnTime, ReportScope.Department);
        }
    }

    private void Replied(DateTimeOffset at)
    {
        if (_replied)
        {
            return;
        }

        _replied = true;
        var onTime = _handleDue is null || at <= _handleDue;
        var (ticket, department) = Both(at, ReportMeasure.Replies);
        if (onTime && ticket)
        {
            Add(at, ReportMeasure.RepliesOnTime, ReportScope.Ticket);
        }

        if (onTime && department)
        {
            Add(at, ReportMeasure.RepliesOnTime, ReportScope.Department);
        }
    }

    private void OpenCallbackRound(DateTimeOffset at)
    {
        _callbackRoundOpen = true;
        Add(at, ReportMeasure.CallbacksDue, ReportScope.Ticket);
        AddForDepartment(at, ReportMeasure.CallbacksDue);
    }

    private void CallbackRecorded(DateTimeOffset at, string? satisfaction)
    {
        // 联系不上 is not a valid return visit; the round stays open for the next attempt.
        if (!_callbackRoundOpen || TicketFactExtractor.Is(satisfaction, Satisfaction.Unreachable))
        {
            return;
        }

        _callbackRoundOpen = false;
        Add(at, ReportMeasure.CallbacksValid, ReportScope.Ticket);
        AddForDepartment(at, ReportMeasure.CallbacksValid);
        if (TicketFactExtractor.IsSatisfied(satisfaction))
        {
            Add(at, ReportMeasure.CallbacksSatisfied, ReportScope.Ticket);
            AddForDepartment(at, ReportMeasure.CallbacksSatisfied);
            Once(at, ReportMeasure.Closed);
        }
    }

    /// <summary>Counts the measure once per ticket and once per (ticket, current department); says which were new.</summary>
    private (bool Ticket, bool Department) Both(DateTimeOffset at, ReportMeasure measure)
    {
        var ticket = Once(at, measure);
        var department = _department is not null && _counted.Add((measure, _department));
        if (department)
        {
            Add(at, measure, ReportScope.Department);
        }

        return (ticket, department);
    }

    private bool Once(DateTimeOffset at, ReportMeasure measure)
    {
        if (!_counted.Add((measure, "")))
        {
            return false;
        }

        Add(at, measure, ReportScope.Ticket);
        return true;
    }

    private void AddForDepartment(DateTimeOffset at, ReportMeasure measure)
    {
        if (_department is not null)
        {
            Add(at, measure, ReportScope.Department);
        }
    }

    private void Add(DateTimeOffset at, ReportMeasure measure, ReportScope scope) =>
        _facts.Add(new ReportFact(at, measure, scope, scope == ReportScope.Department ? _department : null));
}
