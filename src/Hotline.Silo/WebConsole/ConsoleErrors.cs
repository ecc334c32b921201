using Hotline.Contracts.Tickets;
using Hotline.Search;

namespace Hotline.Silo.WebConsole;

/// <summary>Refusals from the domain as JSON errors (<c>{ error, field }</c>) with the matching HTTP status.</summary>
internal static class ConsoleErrors
{
    public static IResult Bad(string field, string message) =>
        Results.Json(new { error = message, field }, statusCode: StatusCodes.Status400BadRequest);

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
            return Results.Json(new { error = refused.Message, field = refused.Field }, statusCode: status);
        }
        catch (ConsoleFieldException refused)
        {
            return Bad(refused.Field, refused.Message);
        }
        catch (SearchInputException refused)
        {
            return Bad(refused.Field, refused.Message);
        }
    }
}
