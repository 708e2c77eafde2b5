using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.ReviewCycles;

/// <summary>Closes an open cycle by hand; its snapshot is frozen in the same transaction (<see cref="CycleSnapshotFreezer"/>).</summary>
/// <param name="Version">When given, the version read; a stale one is refused.</param>
public sealed record CloseReviewCycleCommand(Guid Id, string? Version = null) : ICommand<ReviewCycleDto>, ISecretariatOnly;

public sealed class CloseReviewCycleHandler(ICoordinationDbContext db, TimeProvider clock) : ICommandHandler<CloseReviewCycleCommand, ReviewCycleDto>
{
    public async ValueTask<ReviewCycleDto> Handle(CloseReviewCycleCommand command, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Review cycle", command.Id);
        if (command.Version is not null)
            cycle.EnsureCurrent(command.Version, "review cycle");
        cycle.Close(clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ReviewCycleDto.From(cycle);
    }
}
