using Coordination.Application.Common.Abstractions;
using Coordination.Application.Notifications;
using Mediator;

namespace Coordination.Application.Calendar;

/// <summary>The organization's calendar feed address, to paste into a calendar application.</summary>
public sealed record GetCalendarLinkQuery(Guid OrganizationId) : IQuery<CalendarLinkDto>, ICalendarLinkMessage;

public sealed class GetCalendarLinkHandler(ICoordinationDbContext db, IPublicBaseUrl baseUrl)
    : IQueryHandler<GetCalendarLinkQuery, CalendarLinkDto>
{
    public async ValueTask<CalendarLinkDto> Handle(GetCalendarLinkQuery query, CancellationToken cancellationToken) =>
        CalendarLinks.For(baseUrl, query.OrganizationId, await CalendarLinks.TokenOfAsync(db, query.OrganizationId, cancellationToken));
}
