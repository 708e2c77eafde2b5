using Coordination.Application.Notifications;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Coordination.Infrastructure.Email;

/// <summary>
/// <c>Coordination:PublicBaseUrl</c> when set (production: the address behind the reverse proxy); else the current
/// request's scheme and host; in a job without configuration, the address this process listens on (the embedded mode).
/// </summary>
internal sealed class PublicBaseUrl(IOptions<CoordinationOptions> options, IHttpContextAccessor accessor, IServer server) : IPublicBaseUrl
{
    public string Value
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
                return options.Value.PublicBaseUrl.Trim().TrimEnd('/');
            if (accessor.HttpContext?.Request is { Host.HasValue: true } request)
                return $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');

            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
            return listening.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .TrimEnd('/');
        }
    }
}
