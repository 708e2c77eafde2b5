using System.Globalization;
using Coordination.Application.Assignments;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.People;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Notifications;

/// <summary>
/// The secretariat's weekly digest: reports missing in open review cycles, reports late (the cycle's deadline passed),
/// updates returned and not yet revised, updates awaiting validation, and overdue action points. One per person and ISO
/// week, to every active member of the secretariat who has not switched it off; none in a week with nothing to chase.
/// Returns the mails written.
/// </summary>
public sealed record SendWeeklyDigestCommand : ICommand<int>, ISecretariatOnly;

public sealed class SendWeeklyDigestHandler(
    ICoordinationDbContext db, MailOutbox outbox, IAccounts accounts, IPublicBaseUrl baseUrl, TimeProvider clock)
    : ICommandHandler<SendWeeklyDigestCommand, int>
{
    /// <summary>Items listed per section; the counts say how many there are in all.</summary>
    public const int ItemsPerSection = 10;

    public static string Key(int isoYear, int isoWeek, Guid userId) => $"digest:{isoYear}-W{isoWeek:00}:{userId}";

    public async ValueTask<int> Handle(SendWeeklyDigestCommand command, CancellationToken cancellationToken)
    {
        var recipients = (await accounts.ListMailRecipientsAsync(Roles.Secretariat, null, cancellationToken))
            .Where(r => r.ReceivesDigest)
            .ToList();
        if (recipients.Count == 0)
            return 0;

        var utcNow = clock.UtcNow();
        var (isoYear, isoWeek) = (ISOWeek.GetYear(utcNow), ISOWeek.GetWeekOfYear(utcNow));
        var keys = recipients.ToDictionary(r => r.Id, r => Key(isoYear, isoWeek, r.Id));
        var existing = await outbox.ExistingKeysAsync(keys.Values, cancellationToken);
        var pending = recipients.Where(r => !existing.Contains(keys[r.Id])).ToList();
        if (pending.Count == 0)
            return 0;

        var figures = await FiguresAsync(cancellationToken);
        if (figures.IsEmpty)
            return 0;

        var now = clock.UtcNow();
        foreach (var recipient in pending)
        {
            var mail = DigestMail.Write(recipient.Language, isoYear, isoWeek, figures, baseUrl.Validation());
            outbox.Add(MailKinds.Digest, keys[recipient.Id], recipient, mail, now);
        }

        return pending.Count;
    }

    private async Task<DigestFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        var forums = await db.Forums.AsNoTracking().ToDictionaryAsync(f => f.Id, cancellationToken);
        var forumToday = forums.Values.ToDictionary(f => f.Id, f => clock.Today(f));

        var missing = new List<(DateOnly Deadline, MailItem Item)>();
        var late = new List<(DateOnly Deadline, MailItem Item)>();
        var openCycles = await db.ReviewCycles.AsNoTracking().Where(c => c.State == ReviewCycleState.Open).ToListAsync(cancellationToken);
        foreach (var cycle in openCycles)
        {
            var isLate = cycle.SubmissionDeadline < forumToday[cycle.ForumId];
            foreach (var row in await RowsAsync(db.MissingReports(cycle), cancellationToken))
            {
                var item = new MailItem($"{cycle.Name} · {row.Label}", baseUrl.Report(row.AssignmentId));
                (isLate ? late : missing).Add((cycle.SubmissionDeadline, item));
            }
        }

        var returned = await RowsAsync(
            db.AssignmentStatuses.Where(s => s.ReturnedUpdateId != null && s.Status != AssignmentStatus.Cancelled), cancellationToken);
        var awaiting = await RowsAsync(db.AssignmentStatuses.Where(s => s.PendingUpdateId != null), cancellationToken);
        // No forum's day is more than one ahead of UTC's; each forum's own day decides which are overdue.
        var overdue = (await RowsAsync(db.AssignmentStatuses.Where(AssignmentFlags.Overdue(clock.TodayDayNumber() + 1)), cancellationToken))
            .Where(r => AssignmentFlags.IsOverdue(r.Status, r.DueDate.DayNumber, forumToday[r.ForumId].DayNumber))
            .ToList();

        return new DigestFigures(
            Section(missing.OrderBy(m => m.Deadline).Select(m => m.Item).ToList()),
            Section(late.OrderBy(m => m.Deadline).Select(m => m.Item).ToList()),
            Section(returned.OrderBy(r => r.LastUpdateAt).Select(r => new MailItem(r.Label, baseUrl.Report(r.AssignmentId))).ToList()),
            Section(awaiting.OrderBy(r => r.LastUpdateAt).Select(r => new MailItem(r.Label, baseUrl.Link($"/assignments/{r.AssignmentId}"))).ToList()),
            Section(overdue.OrderBy(r => r.DueDate).Select(r => new MailItem(r.Label, baseUrl.Report(r.AssignmentId))).ToList()));
    }

    private static DigestSection Section(IReadOnlyList<MailItem> all) => new(all.Count, [.. all.Take(ItemsPerSection)]);

    private async Task<List<DigestRow>> RowsAsync(IQueryable<AssignmentCurrentStatus> selected, CancellationToken cancellationToken)
    {
        var rows = await selected.AsNoTracking()
            .Join(db.ActionPoints, s => s.ActionPointId, p => p.Id, (s, p) => new { s.AssignmentId, s.ForumId, s.OrganizationId, s.Status, s.DueDate, s.LastUpdateAt, p.Code, p.Title })
            .Join(db.Organizations, x => x.OrganizationId, o => o.Id, (x, o) => new { x.AssignmentId, x.ForumId, x.Status, x.DueDate, x.LastUpdateAt, x.Code, x.Title, o.Acronym })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Acronym, StringComparer.Ordinal)
            .Select(r => new DigestRow(r.AssignmentId, r.ForumId, r.Status, r.DueDate, r.LastUpdateAt, $"{r.Acronym}: {MailFormat.ActionPoint(r.Code, r.Title)}"))];
    }

    private sealed record DigestRow(Guid AssignmentId, Guid ForumId, AssignmentStatus Status, DateOnly DueDate, DateTime? LastUpdateAt, string Label);
}
