using System.Security.Cryptography;
using System.Text;
using LiveNews.Server.Hosting;
using Microsoft.Extensions.Options;

namespace LiveNews.Server.Api;

/// <summary>Requires the configured API key in the X-Api-Key header; 401 otherwise.</summary>
public sealed class ApiKeyFilter(IOptions<ApiKeyOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Key;
        var given = context.HttpContext.Request.Headers[ApiKeyOptions.HeaderName].ToString();
        if (expected.Length == 0 || !FixedTimeEquals(given, expected))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: $"Send the API key in the {ApiKeyOptions.HeaderName} header.");
        }

        return await next(context);
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
