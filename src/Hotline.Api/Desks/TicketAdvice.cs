using Grpc.Core;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Hotline.Search.Dispatch;
using Hotline.Search.Similar;
using Orleans;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Desks;

/// <summary>
/// The HotlineDesk methods that advise rather than act: SuggestDepartments (smart dispatch) and
/// FindSimilarTickets (duplicates to merge). They read the search library's in-memory models,
/// which the host keeps in step with the tickets.
/// </summary>
internal sealed class TicketAdvice(DispatchAdvisor advisor, OpenTicketIndex openTickets, IGrainFactory grains)
{
    private const int MaxSuggestions = 10;

    public async Task<V1.SuggestDepartmentsResponse> SuggestDepartmentsAsync(V1.SuggestDepartmentsRequest request, ServerCallContext context)
    {
        DeskCall.RequireStaff(context);
        var limit = request.Limit switch
        {
            0 => 3,
            >= 1 and <= MaxSuggestions => request.Limit,
            _ => throw RequestFields.Invalid("limit", $"must be between 1 and {MaxSuggestions} (0 for 3)"),
        };
        var category = request.Category == V1.Category.Unspecified
            ? null
            : Knowledge.CategoryLabels.Chinese(RequestFields.Required(TicketEnums.FromMessage(request.Category), "category"));
        var query = new DispatchQuery(request.Content, category, RequestFields.Optional(request.District), limit);
        var suggestions = await advisor.SuggestAsync(query, context.CancellationToken);
        var response = new V1.SuggestDepartmentsResponse();
        response.Suggestions.AddRange(suggestions.Select(ToMessage));
        return response;
    }

    public async Task<V1.FindSimilarTicketsResponse> FindSimilarTicketsAsync(V1.FindSimilarTicketsRequest request, ServerCallContext context)
    {
        var caller = DeskCall.RequireStaff(context);
        var limit = request.Limit switch
        {
            0 => 5,
            >= 1 and <= 50 => request.Limit,
            _ => throw RequestFields.Invalid("limit", "must be between 1 and 50 (0 for 5)"),
        };
        var exclude = request.TicketId.Length == 0 ? null : RequestFields.TicketId(request.TicketId);
        var query = new SimilarTicketQuery(
            request.Content, RequestFields.Optional(request.District), RequestFields.Optional(request.Address), exclude, limit);
        var similar = openTickets.FindSimilar(query);
        var response = new V1.FindSimilarTicketsResponse();
        foreach (var candidate in similar)
        {
            var message = new V1.SimilarTicket
            {
                TicketId = candidate.TicketId,
                Score = candidate.Score,
                SamePlace = candidate.SamePlace,
            };
            message.SharedPlaces.AddRange(candidate.SharedPlaces);
            try
            {
                // At most 50 grain reads, each a cached activation: cheap enough to save the agent a GetTicket per hit.
                message.Ticket = TicketMessages.ToMessage(await grains.GetGrain<ITicketGrain>(candidate.TicketId).GetAsync(caller));
            }
            catch (TicketRefusedException)
            {
                // Closed or gone since the index last heard of it: the id and score still help; the ticket is left out.
            }

            response.Similar.Add(message);
        }

        return response;
    }

    private static V1.DepartmentSuggestion ToMessage(DepartmentSuggestion suggestion)
    {
        var message = new V1.DepartmentSuggestion
        {
            DepartmentId = suggestion.DepartmentId,
            Name = suggestion.DepartmentName,
            Score = suggestion.Score,
        };
        message.Evidence.AddRange(suggestion.Evidence.Select(e => new V1.DispatchEvidence
        {
            Kind = e.Kind switch
            {
                DispatchEvidenceKind.SimilarTicket => "similar_ticket",
                DispatchEvidenceKind.Article => "article",
                _ => "rule",
            },
            Reference = e.Reference,
            Description = e.Description,
            Weight = e.Weight,
        }));
        return message;
    }
}
