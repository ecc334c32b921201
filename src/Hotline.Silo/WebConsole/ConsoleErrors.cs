using Hotline.Contracts.Tickets;
using Hotline.Search;

namespace Hotline.Silo.WebConsole;

/// <summary>
/// Refusals from the domain as JSON errors with the matching HTTP status: <c>{ error, field, fieldLabel, detail }</c>,
/// <c>error</c> and <c>fieldLabel</c> in Chinese for the page, <c>detail</c> the domain's own wording.
/// </summary>
internal static class ConsoleErrors
{
    public static IResult Bad(string field, string message) =>
        Results.Json(new { error = message, field, fieldLabel = ConsoleRefusals.Field(field) }, statusCode: StatusCodes.Status400BadRequest);

    public static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (TicketRefusedException refused)
        {
            var status = refused.Kind switch
            {
                TicketRefusal.NotFound => StatusCodes.Status404NotFound,
                TicketRefusal.InvalidArgument => StatusCodes.Status400BadRequest,
                TicketRefusal.PermissionDenied => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            };
            return Results.Json(
                new { error = ConsoleRefusals.Ticket(refused), field = refused.Field, fieldLabel = ConsoleRefusals.Field(refused.Field), detail = refused.Message },
                statusCode: status);
        }
        catch (ConsoleFieldException refused)
        {
            return Bad(refused.Field, refused.Reason);
        }
        catch (SearchInputException refused)
        {
            return Bad(refused.Field, refused.Message);
        }
    }
}
