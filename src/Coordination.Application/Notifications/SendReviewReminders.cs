using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.People;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ReviewCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Notifications;

/// <summary>
/// Reminds the focal points of every organization that has not yet reported in an open review cycle, on each of the
/// forum's reminder days (days before the deadline, counted in the forum's time zone). Run by a job as often as one
/// likes: each (cycle, offset, person) is written once. A run that missed reminder days writes only the most recent one
/// due, so nobody gets three reminders at once. Reminders cannot be switched off. Returns the mails written.
/// </summary>
public sealed record SendReviewRemindersCommand : ICommand<int>, ISecretariatOnly;

public sealed class SendReviewRemindersHandler(
    ICoordinationDbContext db, MailOutbox outbox, IAccounts accounts, IPublicBaseUrl baseUrl, TimeProvider clock)
    : ICommandHandler<SendReviewRemindersCommand, int>
{
    public static string Key(Guid cycleId, int offset, Guid userId) => $"reminder:{cycleId}:{offset}:{userId}";

    public async ValueTask<int> Handle(SendReviewRemindersCommand command, CancellationToken cancellationToken)
    {
        var cycles = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.State == ReviewCycleState.Open)
            .OrderBy(c => c.SubmissionDeadline)
            .ToListAsync(cancellationToken);
        if (cycles.Count == 0)
            return 0;

        var forumIds = cycles.Select(c => c.ForumId).Distinct().ToList();
        var forums = await db.Forums.AsNoTracking().Where(f => forumIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var written = 0;
        foreach (var cycle in cycles)
        {
            var forum = forums[cycle.ForumId];
            var today = clock.Today(forum);
            // A cycle made by hand in a forum without a schedule is reminded on the default days.
            var offsets = forum.ReviewSchedule?.ReminderOffsets ?? ReviewSchedule.DefaultReminderOffsets;
            if (DueOffset(cycle.OpensOn, cycle.SubmissionDeadline, today, offsets) is { } offset)
                written += await RemindAsync(cycle, forum.Title, offset, today, cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// The reminder due on <paramref name="today"/>: the smallest offset whose day has come, as long as the deadline has
    /// not passed. Offsets whose day is not after the opening day are never due: a short window skips them, and the
    /// opening day has its own mail.
    /// </summary>
    public static int? DueOffset(DateOnly opensOn, DateOnly deadline, DateOnly today, IEnumerable<int> offsets)
    {
        var daysLeft = deadline.DayNumber - today.DayNumber;
        if (daysLeft < 0)
            return null;
        int? due = null;
        foreach (var offset in offsets)
        {
            if (offset >= daysLeft && deadline.AddDays(-offset) > opensOn && (due is null || offset < due))
                due = offset;
        }

        return due;
    }

    private async Task<int> RemindAsync(ReviewCycle cycle, string forumTitle, int offset, DateOnly today, CancellationToken cancellationToken)
    {
        var missing = await db.MissingReports(cycle).AsNoTracking()
            .Join(db.ActionPoints, s => s.ActionPointId, p => p.Id, (s, p) => new { s.AssignmentId, s.OrganizationId, p.Code, p.Title })
            .ToListAsync(cancellationToken);
        if (missing.Count == 0)
            return 0;

        var missingByOrganization = missing
            .GroupBy(m => m.OrganizationId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<MailItem>)[.. g.OrderBy(m => m.Code, StringComparer.Ordinal)
                    .Select(m => new MailItem(MailFormat.ActionPoint(m.Code, m.Title), baseUrl.Report(m.AssignmentId)))]);
        var recipients = await accounts.ListMailRecipientsAsync(Roles.FocalPoint, [.. missingByOrganization.Keys], cancellationToken);
        var existing = await outbox.ExistingKeysAsync(recipients.Select(r => Key(cycle.Id, offset, r.Id)), cancellationToken);

        var now = clock.UtcNow();
        var daysLeft = cycle.SubmissionDeadline.DayNumber - today.DayNumber;
        var written = 0;
        foreach (var recipient in recipients)
        {
            var key = Key(cycle.Id, offset, recipient.Id);
            if (existing.Contains(key))
                continue;
            var mail = ReminderMail.Write(
                recipient.Language, cycle.Name, forumTitle, cycle.SubmissionDeadline, daysLeft, missingByOrganization[recipient.OrganizationId]);
            outbox.Add(MailKinds.Reminder, key, recipient, mail, now);
            written++;
        }

        return written;
    }
}
