using System.Text.Json;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Auditing;
using Coordination.Domain.Forums;
using Coordination.Domain.ReviewCycles;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// Sets (or replaces) a forum's review schedule. Cycles the old schedule made that have not opened yet follow the new
/// one (moved or removed); the cycle under way, if any, and the next one are created at once.
/// </summary>
/// <param name="ReminderOffsets">Days before the deadline; null means 14, 7 and 1 (those within the window).</param>
public sealed record SetReviewScheduleCommand(
    Guid ForumId,
    ReviewRecurrence? Recurrence,
    string? CronExpression,
    DateOnly? FirstOpensOn,
    int? WindowDays,
    IReadOnlyList<int>? ReminderOffsets,
    int? MeetingDaysAfterDeadline,
    string? TimeZone)
    : ICommand<ReviewScheduleDto>, ISecretariatOnly;

public sealed class SetReviewScheduleValidator : AbstractValidator<SetReviewScheduleCommand>
{
    public const int MaxReminders = 10;

    public SetReviewScheduleValidator(TimeProvider clock)
    {
        RuleFor(c => c.Recurrence).NotNull().IsInEnum()
            .WithMessage("The recurrence must be Monthly, Quarterly, HalfYearly or Cron.");
        RuleFor(c => c.CronExpression).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("A cron recurrence needs its cron expression (e.g. 0 0 1 1,4,7,10 *).")
            .MaximumLength(100)
            .Must(e => ReviewSchedulePlan.ParseCron(e) is not null)
            .WithMessage("'{PropertyValue}' is not a cron expression: five fields (minute hour day-of-month month day-of-week), e.g. 0 0 1 1,4,7,10 *.")
            .Must((c, e) => ReviewSchedulePlan.CronOpensCycles(e, c.FirstOpensOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            .WithMessage("This cron expression never opens a cycle (no matching day within five years).")
            .When(c => c.Recurrence == ReviewRecurrence.Cron);
        RuleFor(c => c.FirstOpensOn).NotNull().WithMessage("Say on which day the first cycle opens.");
        RuleFor(c => c.WindowDays).NotNull()
            .InclusiveBetween(1, ReviewSchedule.MaxWindowDays)
            .WithMessage($"The submission window is between 1 and {ReviewSchedule.MaxWindowDays} days.");
        RuleFor(c => c.ReminderOffsets)
            .Must(offsets => offsets!.Count <= MaxReminders)
            .WithMessage($"At most {MaxReminders} reminders per cycle.")
            .Must((c, offsets) => offsets!.All(o => o >= 0 && o < c.WindowDays!.Value))
            .WithMessage(c => $"Reminders are sent between the opening and the deadline: each offset must be from 0 to {c.WindowDays - 1} days before the deadline.")
            .When(c => c.ReminderOffsets is not null && c.WindowDays is >= 1 and <= ReviewSchedule.MaxWindowDays);
        RuleFor(c => c.MeetingDaysAfterDeadline).InclusiveBetween(0, 365)
            .WithMessage("The review meeting is within a year after the deadline (0 to 365 days).");
        RuleFor(c => c.TimeZone).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Say in which time zone the forum's days are counted (e.g. America/Santo_Domingo).")
            .Must(ReviewSchedule.IsKnownTimeZone)
            .WithMessage("'{PropertyValue}' is not a known time zone (use an IANA id such as America/Santo_Domingo).");
    }
}

public sealed class SetReviewScheduleHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SetReviewScheduleCommand, ReviewScheduleDto>
{
    public async ValueTask<ReviewScheduleDto> Handle(SetReviewScheduleCommand command, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.SingleOrDefaultAsync(f => f.Id == command.ForumId, cancellationToken)
            ?? throw new NotFoundException("Forum", command.ForumId);
        var before = forum.ReviewSchedule;
        var window = command.WindowDays!.Value;
        // Left out, the reminders are the usual ones that fit in the window (a ten-day window has no 14-day reminder).
        var offsets = command.ReminderOffsets ?? [.. ReviewSchedule.DefaultReminderOffsets.Where(o => o < window)];
        var schedule = ReviewSchedule.Create(
            command.Recurrence!.Value, command.CronExpression, command.FirstOpensOn!.Value, window, offsets,
            command.MeetingDaysAfterDeadline, command.TimeZone!.Trim());
        forum.SetReviewSchedule(schedule);

        var today = clock.Today(forum);
        await db.ReplanScheduledCyclesAsync(forum.Id, schedule, today, cancellationToken);
        db.RecordScheduleChange(forum, UseCaseName.Of(command), before, schedule, user, clock);
        await db.SaveChangesAsync(cancellationToken);
        return ReviewScheduleDto.From(forum.Id, schedule, today, forum.Version);
    }
}

internal static class ScheduledCycles
{
    /// <summary>
    /// Cycles made from the schedule that have not opened yet follow it: kept (with the new window and meeting) when
    /// their day is still an opening day, removed otherwise; then the cycle under way and the next one are created
    /// when missing. Opened and hand-made cycles are never touched.
    /// </summary>
    public static async Task ReplanScheduledCyclesAsync(
        this ICoordinationDbContext db, Guid forumId, ReviewSchedule? schedule, DateOnly today, CancellationToken cancellationToken)
    {
        var waiting = await db.ReviewCycles
            .Where(c => c.ForumId == forumId && c.FromSchedule && c.State == ReviewCycleState.Scheduled)
            .ToListAsync(cancellationToken);
        foreach (var cycle in waiting)
        {
            if (schedule is not null && ReviewSchedulePlan.OpeningDays(schedule, cycle.OpensOn).First() == cycle.OpensOn)
            {
                var plan = ReviewSchedulePlan.Cycle(schedule, cycle.OpensOn);
                cycle.Change(plan.Name, plan.OpensOn, plan.SubmissionDeadline, plan.MeetingDate);
            }
            else
            {
                db.ReviewCycles.Remove(cycle);
            }
        }

        if (schedule is null)
            return;
        foreach (var plan in ReviewSchedulePlan.Due(schedule, today))
        {
            // A removed cycle's day is never an opening day of the new schedule, so it cannot stand in the way here.
            if (!await db.ReviewCycles.AnyAsync(c => c.ForumId == forumId && c.OpensOn == plan.OpensOn, cancellationToken))
                db.ReviewCycles.Add(ReviewCycle.Create(forumId, plan.Name, plan.OpensOn, plan.SubmissionDeadline, plan.MeetingDate, fromSchedule: true));
        }
    }

    /// <summary>
    /// The schedule is a value inside the forum, which the automatic audit (one column per property) does not see;
    /// so the change is recorded here, and the forum's version is bumped with it.
    /// </summary>
    public static void RecordScheduleChange(
        this ICoordinationDbContext db, Forum forum, string action, ReviewSchedule? before, ReviewSchedule? after, ICurrentUser user, TimeProvider clock)
    {
        if (before == after || (before is not null && after is not null && Describe(before) == Describe(after)))
            return;
        db.Forums.Entry(forum).Property(f => f.Version).IsModified = true;
        db.AuditEntries.Add(AuditEntry.Record(
            clock.UtcNow(), user.UserId, user.Email, action, nameof(Forum), forum.Id, "Updated",
            before is null ? JsonSerializer.Serialize(new { reviewSchedule = (object?)null }) : Describe(before),
            after is null ? JsonSerializer.Serialize(new { reviewSchedule = (object?)null }) : Describe(after)));
    }

    private static string Describe(ReviewSchedule schedule) => JsonSerializer.Serialize(new
    {
        reviewSchedule = new
        {
            recurrence = schedule.Recurrence.ToString(),
            cronExpression = schedule.CronExpression,
            firstOpensOn = schedule.FirstOpensOn,
            windowDays = schedule.WindowDays,
            reminderOffsets = schedule.ReminderOffsets,
            meetingDaysAfterDeadline = schedule.MeetingDaysAfterDeadline,
            timeZone = schedule.TimeZone,
        },
    });
}
