using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Application.People;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// When a cycle opens, writes one mail per focal point of each organization with an active assignment in the forum,
/// into the outbox in the same transaction. The key <c>cycle-opened:{cycle}:{person}</c> keeps it to one per person
/// however often the cause repeats. A cycle opened after its deadline has passed asks nobody to report by a past day.
/// </summary>
public sealed class CycleOpenedMails(
    ICoordinationDbContext db, MailOutbox outbox, IAccounts accounts, IPublicBaseUrl baseUrl, TimeProvider clock)
    : IDomainEventHandler<ReviewCycleOpened>
{
    public static string DeduplicationKey(Guid cycleId, Guid userId) => $"cycle-opened:{cycleId}:{userId}";

    public async Task HandleAsync(ReviewCycleOpened domainEvent, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.FindAsync([domainEvent.ReviewCycleId], cancellationToken)
            ?? throw new InvalidOperationException($"Review cycle {domainEvent.ReviewCycleId} opened but is not tracked.");
        var forum = await db.Forums.FindAsync([cycle.ForumId], cancellationToken)
            ?? throw new InvalidOperationException($"Forum {cycle.ForumId} is missing.");
        if (clock.Today(forum) > cycle.SubmissionDeadline)
            return;

        var assignments = await db.AssignmentStatuses.AsNoTracking()
            .Where(s => s.ForumId == forum.Id && s.Status != AssignmentStatus.Cancelled && s.Status != AssignmentStatus.Completed)
            .Join(db.ActionPoints, s => s.ActionPointId, p => p.Id, (s, p) => new { s.AssignmentId, s.OrganizationId, p.Code, p.Title })
            .OrderBy(a => a.Code)
            .ToListAsync(cancellationToken);
        if (assignments.Count == 0)
            return;
        var items = assignments
            .GroupBy(a => a.OrganizationId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<CycleOpenedMail.Item>)[.. g.Select(a => new CycleOpenedMail.Item(a.Code, a.Title, baseUrl.Report(a.AssignmentId)))]);
        var organizationIds = items.Keys.ToList();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var recipients = await accounts.ListMailRecipientsAsync(Roles.FocalPoint, organizationIds, cancellationToken);
        var existing = await outbox.ExistingKeysAsync(recipients.Select(r => DeduplicationKey(cycle.Id, r.Id)), cancellationToken);

        var now = clock.UtcNow();
        foreach (var recipient in recipients)
        {
            var key = DeduplicationKey(cycle.Id, recipient.Id);
            if (existing.Contains(key))
                continue;
            var mail = CycleOpenedMail.Write(
                recipient.Language, forum.Title, cycle.Name, organizations.GetValueOrDefault(recipient.OrganizationId, ""),
                cycle.SubmissionDeadline, forum.TimeZone, cycle.MeetingDate, items[recipient.OrganizationId]);
            outbox.Add(MailKinds.ReviewCycleOpened, key, recipient, mail, now);
        }
    }
}
