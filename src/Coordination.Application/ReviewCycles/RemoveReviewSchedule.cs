using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// Stops the periodic reviews: the schedule goes, and so do the cycles it made that have not opened yet. An open cycle
/// stays open until the secretariat closes it.
/// </summary>
public sealed record RemoveReviewScheduleCommand(Guid ForumId) : ICommand, ISecretariatOnly;

public sealed class RemoveReviewScheduleHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RemoveReviewScheduleCommand>
{
    public async ValueTask<Unit> Handle(RemoveReviewScheduleCommand command, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.SingleOrDefaultAsync(f => f.Id == command.ForumId, cancellationToken)
            ?? throw new NotFoundException("Forum", command.ForumId);
        var before = forum.ReviewSchedule ?? throw new NotFoundException("Review schedule of forum", command.ForumId);
        forum.SetReviewSchedule(null);
        await db.ReplanScheduledCyclesAsync(forum.Id, null, default, cancellationToken);
        db.RecordScheduleChange(forum, UseCaseName.Of(command), before, null, user, clock);
        return Unit.Value;
    }
}
