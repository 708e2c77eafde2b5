using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Notifications;
using Coordination.Domain.Forums;
using Coordination.Domain.ReviewCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// Moves every scheduled forum's reviews along, in the forum's time zone: creates the cycle under way and the next one,
/// opens those whose day has come (mailing the focal points), and closes those past their deadline plus the grace
/// days (<c>Reviews:GraceDays</c>, default 3) with their snapshot. Run hourly by the job, as the system.
/// <para>
/// Deliberately an <see cref="IRequest{TResponse}"/> and not a command: each step is a transaction of its own, so that
/// when another server makes the same step at the same moment (the unique index on the schedule's cycles, the
/// version of a cycle), only the loser's step is undone and the run goes on. Running it again changes nothing.
/// </para>
/// </summary>
public sealed record AdvanceReviewCyclesCommand : IRequest<AdvanceReviewCyclesResult>, ISecretariatOnly
{
    public const string Action = "AdvanceReviewCycles";
    public const string GraceDaysSetting = "Reviews:GraceDays";
    public const int DefaultGraceDays = 3;
}

public sealed record AdvanceReviewCyclesResult(int Created, int Opened, int Closed, int LostRaces);

public sealed partial class AdvanceReviewCyclesHandler(
    ICoordinationDbContext db,
    IUnitOfWork unitOfWork,
    IOutboxDispatchTrigger outbox,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<AdvanceReviewCyclesHandler> logger)
    : IRequestHandler<AdvanceReviewCyclesCommand, AdvanceReviewCyclesResult>
{
    private int _created;
    private int _opened;
    private int _closed;
    private int _lost;

    public async ValueTask<AdvanceReviewCyclesResult> Handle(AdvanceReviewCyclesCommand command, CancellationToken cancellationToken)
    {
        var graceDays = Math.Max(0, configuration.GetValue(AdvanceReviewCyclesCommand.GraceDaysSetting, AdvanceReviewCyclesCommand.DefaultGraceDays));
        // Few forums, and the schedule lives inside the forum row: read them all and keep those with a schedule.
        var forums = (await db.Forums.AsNoTracking().IgnoreAutoIncludes().ToListAsync(cancellationToken))
            .Where(f => f.ReviewSchedule is not null)
            .ToList();
        foreach (var forum in forums)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await AdvanceAsync(forum, forum.ReviewSchedule!, graceDays, cancellationToken);
        }

        if (_opened > 0)
            outbox.DispatchSoon();
        return new AdvanceReviewCyclesResult(_created, _opened, _closed, _lost);
    }

    private async Task AdvanceAsync(Forum forum, ReviewSchedule schedule, int graceDays, CancellationToken cancellationToken)
    {
        var today = clock.Today(forum);

        foreach (var plan in ReviewSchedulePlan.Due(schedule, today))
        {
            if (await StepAsync(forum.Id, () => CreateAsync(forum.Id, plan, cancellationToken), cancellationToken))
                _created++;
        }

        var toOpen = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.ForumId == forum.Id && c.State == ReviewCycleState.Scheduled && c.OpensOn <= today)
            .OrderBy(c => c.OpensOn)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in toOpen)
        {
            if (await StepAsync(id, () => TransitionAsync(id, ReviewCycleState.Scheduled, c => c.Open(clock.UtcNow()), cancellationToken), cancellationToken))
                _opened++;
        }

        var closeBefore = today.AddDays(-graceDays);
        var toClose = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.ForumId == forum.Id && c.State == ReviewCycleState.Open && c.SubmissionDeadline < closeBefore)
            .OrderBy(c => c.OpensOn)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in toClose)
        {
            if (await StepAsync(id, () => TransitionAsync(id, ReviewCycleState.Open, c => c.Close(clock.UtcNow()), cancellationToken), cancellationToken))
                _closed++;
        }
    }

    private async Task<bool> CreateAsync(Guid forumId, PlannedCycle plan, CancellationToken cancellationToken)
    {
        // Any cycle on that day, by hand or from the schedule, stands for the planned one.
        if (await db.ReviewCycles.AnyAsync(c => c.ForumId == forumId && c.OpensOn == plan.OpensOn, cancellationToken))
            return false;
        db.ReviewCycles.Add(ReviewCycle.Create(forumId, plan.Name, plan.OpensOn, plan.SubmissionDeadline, plan.MeetingDate, fromSchedule: true));
        return true;
    }

    /// <summary>Read inside the step's transaction: a cycle another server already moved on is left alone.</summary>
    private async Task<bool> TransitionAsync(Guid id, ReviewCycleState expected, Action<ReviewCycle> transition, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cycle is null || cycle.State != expected)
            return false;
        transition(cycle);
        return true;
    }

    /// <summary>
    /// One step, one transaction. A step that lost a race to another server (unique index, version) is rolled back and
    /// counted, and the run goes on; the next run finds it done.
    /// </summary>
    private async Task<bool> StepAsync(Guid subject, Func<Task<bool>> step, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await unitOfWork.BeginAsync(AdvanceReviewCyclesCommand.Action, cancellationToken);
            var changed = await step();
            if (changed)
                await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return changed;
        }
        catch (DbUpdateException ex)
        {
            _lost++;
            LogLostRace(subject, ex.GetType().Name, ex.InnerException?.Message ?? ex.Message);
            return false;
        }
        finally
        {
            // What a step tracked (and, after a lost race, left half-saved) must not leak into the next step's save.
            if (db is DbContext context)
                context.ChangeTracker.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review cycle step for {Subject} left to another server ({Error}: {Detail})")]
    private partial void LogLostRace(Guid subject, string error, string detail);
}
