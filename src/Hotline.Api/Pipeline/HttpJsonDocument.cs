using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Hotline.Api.Pipeline;

/// <summary>The OpenAPI document of the HTTP/JSON bindings, served at /openapi/v1.json on the HTTP listener.</summary>
internal static class HttpJsonDocument
{
    public const string Route = "/openapi/{documentName}.json";

    private const string Bearer = "bearer";

    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "Hotline HTTP/JSON",
            Version = "v1",
            Description = "DepartmentDesk and Knowledge as HTTP/JSON for systems that cannot speak gRPC: the same methods, "
                + "tokens and rules; gRPC statuses map to HTTP codes (INVALID_ARGUMENT 400, UNAUTHENTICATED 401, "
                + "PERMISSION_DENIED 403, NOT_FOUND 404, FAILED_PRECONDITION 400, ABORTED 409, UNAVAILABLE 503).",
        });

        // The generated message and service classes carry the protos' comments as XML documentation.
        var comments = Path.Combine(AppContext.BaseDirectory, typeof(HttpJsonDocument).Assembly.GetName().Name + ".xml");
        if (File.Exists(comments))
        {
            options.IncludeXmlComments(comments);
            options.IncludeGrpcXmlComments(comments, includeControllerXmlComments: false);
        }

        options.AddSecurityDefinition(Bearer, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = Bearer,
            Description = "A token from `token issue` (a department's for DepartmentDesk, staff for Knowledge).",
        });
        options.AddSecurityRequirement(new OpenApiSecurityRequirement
        {
            [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = Bearer } }] = [],
        });
    }
}
