using System.Net.Http.Headers;
using System.Text;
using LiveNews.Server.Hosting;
using Microsoft.Extensions.Options;

namespace LiveNews.Server.Api;

/// <summary>
/// Guards pages a browser opens (the Orleans dashboard): the API key in X-Api-Key, or as the password of
/// HTTP Basic authentication (any user name), which makes the browser ask for it.
/// </summary>
public sealed class OperatorKeyFilter(IOptions<ApiKeyOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var given = request.Headers[ApiKeyOptions.HeaderName].ToString();
        if (given.Length == 0 && AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var auth)
            && string.Equals(auth.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && auth.Parameter is { } parameter)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                given = pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..];
            }
            catch (FormatException)
            {
                given = "";
            }
        }

        if (ApiKeyFilter.Matches(given, options.Value.Key))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"LiveNews operators\", charset=\"UTF-8\"";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
            detail: $"Send the API key in the {ApiKeyOptions.HeaderName} header, or as the password of HTTP Basic authentication.");
    }
}
