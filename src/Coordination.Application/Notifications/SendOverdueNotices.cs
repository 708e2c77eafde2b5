using Coordination.Application.Assignments;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.People;
using Coordination.Application.ReviewCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Notifications;

/// <summary>
/// Tells the focal points of each organization whose assignment is past its due date (in its forum's time zone) and
/// neither completed nor cancelled: one notice per assignment, person and due date, so a new due date that passes in
/// turn gets its own notice. Returns the mails written.
/// </summary>
public sealed record SendOverdueNoticesCommand : ICommand<int>, ISecretariatOnly;

public sealed class SendOverdueNoticesHandler(
    ICoordinationDbContext db, MailOutbox outbox, IAccounts accounts, IPublicBaseUrl baseUrl, TimeProvider clock)
    : ICommandHandler<SendOverdueNoticesCommand, int>
{
    public static string Key(Guid assignmentId, DateOnly dueDate, Guid userId) => $"overdue:{assignmentId}:{dueDate:yyyy-MM-dd}:{userId}";

    public async ValueTask<int> Handle(SendOverdueNoticesCommand command, CancellationToken cancellationToken)
    {
        // No forum's day is more than one ahead of UTC's, so this reads every candidate; each forum's own day decides below.
        var latestToday = clock.TodayDayNumber() + 1;
        var candidates = await db.AssignmentStatuses.AsNoTracking()
            .Where(AssignmentFlags.Overdue(latestToday))
            .Join(db.ActionPoints, s => s.ActionPointId, p => p.Id, (s, p) => new { Status = s, p.Code, p.Title })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return 0;

        var forumIds = candidates.Select(c => c.Status.ForumId).Distinct().ToList();
        var forums = await db.Forums.AsNoTracking().Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var today = forums.Values.ToDictionary(f => f.Id, f => clock.Today(f).DayNumber);
        var overdue = candidates
            .Where(c => AssignmentFlags.IsOverdue(c.Status.Status, c.Status.DueDay, today[c.Status.ForumId]))
            .ToList();
        if (overdue.Count == 0)
            return 0;

        var organizationIds = overdue.Select(c => c.Status.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var recipients = (await accounts.ListMailRecipientsAsync(Roles.FocalPoint, organizationIds, cancellationToken))
            .ToLookup(r => r.OrganizationId);
        var notices = overdue
            .SelectMany(c => recipients[c.Status.OrganizationId].Select(r => (Assignment: c, Recipient: r, Key: Key(c.Status.AssignmentId, c.Status.DueDate, r.Id))))
            .ToList();
        var existing = await outbox.ExistingKeysAsync(notices.Select(n => n.Key), cancellationToken);

        var now = clock.UtcNow();
        var written = 0;
        foreach (var (assignment, recipient, key) in notices.Where(n => !existing.Contains(n.Key)))
        {
            var status = assignment.Status;
            var mail = OverdueMail.Write(
                recipient.Language, organizations[status.OrganizationId], assignment.Code, assignment.Title,
                forums[status.ForumId].Title, status.DueDate, baseUrl.Report(status.AssignmentId));
            outbox.Add(MailKinds.Overdue, key, recipient, mail, now);
            written++;
        }

        return written;
    }
}
