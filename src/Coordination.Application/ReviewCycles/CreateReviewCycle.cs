using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ReviewCycles;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ReviewCycles;

/// <summary>A review cycle made by hand (the schedule makes its own); it waits, scheduled, until it is opened.</summary>
public sealed record CreateReviewCycleCommand(Guid ForumId, string? Name, DateOnly? OpensOn, DateOnly? SubmissionDeadline, DateOnly? MeetingDate)
    : ICommand<ReviewCycleDto>, ISecretariatOnly, IReviewCycleInput;

public sealed class CreateReviewCycleValidator : AbstractValidator<CreateReviewCycleCommand>
{
    public CreateReviewCycleValidator() => this.AddReviewCycleRules();
}

public sealed class CreateReviewCycleHandler(ICoordinationDbContext db) : ICommandHandler<CreateReviewCycleCommand, ReviewCycleDto>
{
    public async ValueTask<ReviewCycleDto> Handle(CreateReviewCycleCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Forums.AnyAsync(f => f.Id == command.ForumId, cancellationToken))
            throw new NotFoundException("Forum", command.ForumId);

        var cycle = ReviewCycle.Create(
            command.ForumId, command.Name!, command.OpensOn!.Value, command.SubmissionDeadline!.Value, command.MeetingDate, fromSchedule: false);
        db.ReviewCycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
        return ReviewCycleDto.From(cycle);
    }
}
