using System.Security.Cryptography;
using System.Text;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Domain.ActionPoints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Calendar;

/// <summary>
/// The iCalendar feed of one organization, for anyone holding its token (calendar applications cannot sign in).
/// Null when the organization is unknown or deactivated or the token is wrong — the caller cannot tell which.
/// </summary>
public sealed record GetCalendarFeedQuery(Guid OrganizationId, string? Token) : IQuery<string?>, IAllowAnonymous;

public sealed class GetCalendarFeedHandler(ICoordinationDbContext db, IPublicBaseUrl baseUrl, TimeProvider clock)
    : IQueryHandler<GetCalendarFeedQuery, string?>
{
    public async ValueTask<string?> Handle(GetCalendarFeedQuery query, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == query.OrganizationId)
            .Select(o => new { o.Acronym, o.CalendarToken, o.IsActive })
            .SingleOrDefaultAsync(cancellationToken);
        if (organization is null || !organization.IsActive || !SameToken(query.Token, organization.CalendarToken))
            return null;

        var assignments = await (
                from assignment in db.Assignments.AsNoTracking()
                where assignment.OrganizationId == query.OrganizationId && assignment.Status != AssignmentStatus.Cancelled
                join actionPoint in db.ActionPoints.AsNoTracking() on assignment.ActionPointId equals actionPoint.Id
                select new { assignment.Id, assignment.DueDate, actionPoint.Code, actionPoint.Title, actionPoint.ForumId })
            .ToListAsync(cancellationToken);

        var forumIds = assignments.Select(a => a.ForumId).Distinct().ToList();
        var forums = (await db.Forums.AsNoTracking().IgnoreAutoIncludes()
                .Where(f => forumIds.Contains(f.Id))
                .ToListAsync(cancellationToken))
            .ToDictionary(f => f.Id, f => new CalendarFeedWriter.ForumInfo(f.Title, f.TimeZone));
        var cycles = await db.ReviewCycles.AsNoTracking()
            .Where(c => forumIds.Contains(c.ForumId))
            .Select(c => new { c.Id, c.ForumId, c.Name, c.SubmissionDeadline, c.MeetingDate })
            .ToListAsync(cancellationToken);

        return CalendarFeedWriter.Write(
            organization.Acronym,
            [.. assignments.Select(a => new CalendarFeedWriter.Deadline(a.Id, a.Code, a.Title, a.DueDate, forums[a.ForumId]))],
            [.. cycles.Select(c => new CalendarFeedWriter.Cycle(c.Id, c.Name, c.SubmissionDeadline, c.MeetingDate, forums[c.ForumId]))],
            baseUrl,
            clock.UtcNow());
    }

    /// <summary>In constant time, so the answer's timing says nothing about how much of a guessed token was right.</summary>
    private static bool SameToken(string? given, string expected) =>
        !string.IsNullOrEmpty(given)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
