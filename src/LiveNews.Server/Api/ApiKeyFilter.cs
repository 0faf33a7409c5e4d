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
        if (!Matches(given, expected))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "API key required",
                detail: $"Send the API key in the {ApiKeyOptions.HeaderName} header.");
        }

        return await next(context);
    }

    /// <summary>True when a key is configured and <paramref name="given"/> is it (compared in constant time).</summary>
    internal static bool Matches(string given, string expected) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
