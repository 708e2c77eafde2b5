using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Mediator;

namespace Coordination.Application.ReviewCycles;

/// <summary>
/// Opens a scheduled cycle by hand: the focal points of every organization with an active assignment are mailed
/// (<see cref="CycleOpenedMails"/>, in the same transaction).
/// </summary>
/// <param name="Version">When given, the version read; a stale one is refused.</param>
public sealed record OpenReviewCycleCommand(Guid Id, string? Version = null) : ICommand<ReviewCycleDto>, ISecretariatOnly;

public sealed class OpenReviewCycleHandler(ICoordinationDbContext db, TimeProvider clock) : ICommandHandler<OpenReviewCycleCommand, ReviewCycleDto>
{
    public async ValueTask<ReviewCycleDto> Handle(OpenReviewCycleCommand command, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Review cycle", command.Id);
        if (command.Version is not null)
            cycle.EnsureCurrent(command.Version, "review cycle");
        cycle.Open(clock.UtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ReviewCycleDto.From(cycle);
    }
}
