namespace Coordination.Application.Notifications;

/// <summary>
/// The address people reach the site at, for links inside mails: <c>Coordination:PublicBaseUrl</c> when set, else the
/// current request's scheme and host. Never ends with a slash.
/// </summary>
public interface IPublicBaseUrl
{
    string Value { get; }
}

public static class PublicBaseUrlExtensions
{
    /// <summary><paramref name="pathAndQuery"/> starts with a slash, e.g. <c>/account/accept-invitation?token=…</c>.</summary>
    public static string Link(this IPublicBaseUrl baseUrl, string pathAndQuery) => baseUrl.Value + pathAndQuery;
}
