using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace Coordination.Application.ReviewCycles;

/// <summary>Renames or re-dates a cycle that is not closed yet; send the version you read.</summary>
public sealed record ChangeReviewCycleCommand(
    Guid Id, string? Name, DateOnly? OpensOn, DateOnly? SubmissionDeadline, DateOnly? MeetingDate, string? Version)
    : ICommand<ReviewCycleDto>, ISecretariatOnly, IReviewCycleInput;

public sealed class ChangeReviewCycleValidator : AbstractValidator<ChangeReviewCycleCommand>
{
    public ChangeReviewCycleValidator()
    {
        this.AddReviewCycleRules();
        RuleFor(c => c.Version).NotEmpty();
    }
}

public sealed class ChangeReviewCycleHandler(ICoordinationDbContext db) : ICommandHandler<ChangeReviewCycleCommand, ReviewCycleDto>
{
    public async ValueTask<ReviewCycleDto> Handle(ChangeReviewCycleCommand command, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Review cycle", command.Id);
        cycle.EnsureCurrent(command.Version, "review cycle");
        cycle.Change(command.Name!, command.OpensOn!.Value, command.SubmissionDeadline!.Value, command.MeetingDate);
        await db.SaveChangesAsync(cancellationToken);
        return ReviewCycleDto.From(cycle);
    }
}
