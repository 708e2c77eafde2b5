using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Calendar;

/// <summary>An organization's calendar feed address, secret token included: whoever holds it reads the feed.</summary>
public sealed record CalendarLinkDto(string Url);

/// <summary>Messages about one organization's calendar link.</summary>
public interface ICalendarLinkMessage
{
    Guid OrganizationId { get; }
}

/// <summary>
/// The link is a secret of the organization: its focal points and the secretariat may see and regenerate it; anyone
/// else (viewers, other organizations' focal points) is refused. Organizations themselves are public to the signed-in,
/// so refusing with 403 reveals nothing.
/// </summary>
public sealed class CalendarLinkAccessRule : IAccessRule<GetCalendarLinkQuery>, IAccessRule<RegenerateCalendarLinkCommand>
{
    public ValueTask<AccessDecision> DecideAsync(GetCalendarLinkQuery message, ICurrentUser user, CancellationToken cancellationToken) =>
        Decide(message, user);

    public ValueTask<AccessDecision> DecideAsync(RegenerateCalendarLinkCommand message, ICurrentUser user, CancellationToken cancellationToken) =>
        Decide(message, user);

    private static ValueTask<AccessDecision> Decide(ICalendarLinkMessage message, ICurrentUser user) =>
        ValueTask.FromResult(user.MayActFor(message.OrganizationId) ? AccessDecision.Allow : AccessDecision.Forbid);
}

internal static class CalendarLinks
{
    public static CalendarLinkDto For(IPublicBaseUrl baseUrl, Guid organizationId, string token) =>
        new(baseUrl.Link($"/calendar/{organizationId}.ics?token={Uri.EscapeDataString(token)}"));

    public static async Task<string> TokenOfAsync(ICoordinationDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId)
            .Select(o => o.CalendarToken)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Organization", organizationId);
}
