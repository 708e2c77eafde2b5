using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Notifications;
using Mediator;

namespace Coordination.Application.Calendar;

/// <summary>A new secret for the organization's feed, when the old link was shared too widely; the old one stops working at once.</summary>
public sealed record RegenerateCalendarLinkCommand(Guid OrganizationId) : ICommand<CalendarLinkDto>, ICalendarLinkMessage;

public sealed class RegenerateCalendarLinkHandler(ICoordinationDbContext db, IPublicBaseUrl baseUrl)
    : ICommandHandler<RegenerateCalendarLinkCommand, CalendarLinkDto>
{
    public async ValueTask<CalendarLinkDto> Handle(RegenerateCalendarLinkCommand command, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FindAsync([command.OrganizationId], cancellationToken)
            ?? throw new NotFoundException("Organization", command.OrganizationId);
        organization.RegenerateCalendarToken();
        return CalendarLinks.For(baseUrl, organization.Id, organization.CalendarToken);
    }
}
