using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.People;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Notifications;
using Coordination.Domain.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// When a cycle opens, writes one mail per focal point of each organization with an active assignment in the forum,
/// into the outbox in the same transaction. The key <c>cycle-opened:{cycle}:{person}</c> keeps it to one per person
/// however often the cause repeats. A cycle opened after its deadline has passed asks nobody to report by a past day.
/// </summary>
public sealed class CycleOpenedMails(ICoordinationDbContext db, IAccounts accounts, IPublicBaseUrl baseUrl, TimeProvider clock)
    : IDomainEventHandler<ReviewCycleOpened>
{
    public const string MailKind = "ReviewCycleOpened";

    public static string DeduplicationKey(Guid cycleId, Guid userId) => $"cycle-opened:{cycleId}:{userId}";

    public async Task HandleAsync(ReviewCycleOpened domainEvent, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.FindAsync([domainEvent.ReviewCycleId], cancellationToken)
            ?? throw new InvalidOperationException($"Review cycle {domainEvent.ReviewCycleId} opened but is not tracked.");
        var forum = await db.Forums.FindAsync([cycle.ForumId], cancellationToken)
            ?? throw new InvalidOperationException($"Forum {cycle.ForumId} is missing.");
        if (clock.Today(forum.Zone()) > cycle.SubmissionDeadline)
            return;

        var assignments = await db.AssignmentStatuses.AsNoTracking()
            .Where(s => s.ForumId == forum.Id && s.Status != AssignmentStatus.Cancelled && s.Status != AssignmentStatus.Completed)
            .Join(db.ActionPoints, s => s.ActionPointId, p => p.Id, (s, p) => new { s.AssignmentId, s.OrganizationId, p.Code, p.Title })
            .OrderBy(a => a.Code)
            .ToListAsync(cancellationToken);
        if (assignments.Count == 0)
            return;
        var organizationIds = assignments.Select(a => a.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var keyPrefix = $"cycle-opened:{cycle.Id}:";
        var written = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DeduplicationKey.StartsWith(keyPrefix))
                .Select(m => m.DeduplicationKey)
                .ToListAsync(cancellationToken))
            .Concat(db.OutboxMessages.Local.Select(m => m.DeduplicationKey))
            .ToHashSet(StringComparer.Ordinal);

        var now = clock.UtcNow();
        foreach (var organization in assignments.GroupBy(a => a.OrganizationId))
        {
            var items = organization
                .Select(a => new CycleOpenedMail.Item(a.Code, a.Title, baseUrl.Link($"/assignments/{a.AssignmentId}/report")))
                .ToList();
            var people = await accounts.ListByOrganizationAsync(organization.Key, cancellationToken);
            foreach (var person in people.Where(p => p.IsActive && p.Role == Roles.FocalPoint))
            {
                var key = DeduplicationKey(cycle.Id, person.Id);
                if (!written.Add(key))
                    continue;
                var language = Languages.IsKnown(person.PreferredLanguage) ? person.PreferredLanguage : Languages.English;
                var mail = CycleOpenedMail.Write(
                    language, forum.Title, cycle.Name, organizations.GetValueOrDefault(organization.Key, ""), cycle.SubmissionDeadline,
                    forum.TimeZone, cycle.MeetingDate, items);
                db.OutboxMessages.Add(OutboxMessage.Create(
                    MailKind, key, person.Email, person.DisplayName, language, mail.Subject, mail.HtmlBody, mail.TextBody, now));
            }
        }
    }
}
