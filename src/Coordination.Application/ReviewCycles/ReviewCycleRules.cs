using Coordination.Domain.ReviewCycles;
using FluentValidation;

namespace Coordination.Application.ReviewCycles;

/// <summary>What creating and changing a cycle by hand both send.</summary>
public interface IReviewCycleInput
{
    string? Name { get; }

    DateOnly? OpensOn { get; }

    DateOnly? SubmissionDeadline { get; }

    DateOnly? MeetingDate { get; }
}

internal static class ReviewCycleRules
{
    public static void AddReviewCycleRules<T>(this AbstractValidator<T> validator)
        where T : IReviewCycleInput
    {
        validator.RuleFor(c => c.Name).NotEmpty().MaximumLength(ReviewCycle.NameMaxLength);
        validator.RuleFor(c => c.OpensOn).NotNull().WithMessage("Say on which day the cycle opens.");
        validator.RuleFor(c => c.SubmissionDeadline).NotNull().WithMessage("Say by which day updates are due.");
        validator.RuleFor(c => c.SubmissionDeadline).GreaterThanOrEqualTo(c => c.OpensOn)
            .When(c => c.OpensOn is not null && c.SubmissionDeadline is not null)
            .WithMessage("The submission deadline cannot be before the cycle opens.");
        validator.RuleFor(c => c.MeetingDate).GreaterThanOrEqualTo(c => c.OpensOn)
            .When(c => c.OpensOn is not null && c.MeetingDate is not null)
            .WithMessage("The review meeting cannot be before the cycle opens.");
    }
}
