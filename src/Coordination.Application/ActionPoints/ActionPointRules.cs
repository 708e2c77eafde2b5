using Coordination.Domain.ActionPoints;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Application.ActionPoints;

/// <summary>The indicator as sent: all empty means none; a target is needed as soon as anything is given.</summary>
public sealed record IndicatorInput(decimal? Baseline, decimal? Target, string? Unit)
{
    public Indicator? ToIndicator() => Indicator.From(Baseline, Target, Unit);
}

/// <summary>The input shape shared by creating and editing an action point.</summary>
public interface IActionPointInput
{
    Guid ConclusionId { get; }

    string Code { get; }

    string Title { get; }

    string? Description { get; }

    Priority Priority { get; }

    DateOnly StartDate { get; }

    DateOnly DueDate { get; }

    IndicatorInput? Indicator { get; }
}

internal static class ActionPointRules
{
    public static void AddActionPointRules<T>(this AbstractValidator<T> validator)
        where T : IActionPointInput
    {
        validator.RuleFor(a => a.ConclusionId).NotEmpty();
        validator.RuleFor(a => a.Code).NotEmpty().MaximumLength(ActionPoint.CodeMaxLength);
        validator.RuleFor(a => a.Title).NotEmpty().MaximumLength(ActionPoint.TitleMaxLength);
        validator.RuleFor(a => a.Description).MaximumLength(ActionPoint.DescriptionMaxLength);
        validator.RuleFor(a => a.Priority).IsInEnum().WithMessage("The priority must be Low, Medium or High.");
        validator.RuleFor(a => a.StartDate).NotEmpty();
        validator.RuleFor(a => a.DueDate).NotEmpty();
        validator.RuleFor(a => a.DueDate).GreaterThanOrEqualTo(a => a.StartDate)
            .When(a => a.StartDate != default && a.DueDate != default)
            .WithMessage("The due date cannot be before the start date.");
        validator.RuleFor(a => a.Indicator!.Target).NotNull()
            .When(a => a.Indicator is { } i && (i.Baseline is not null || !string.IsNullOrWhiteSpace(i.Unit)))
            .WithMessage("An indicator needs a target.");
        validator.RuleFor(a => a.Indicator!.Unit).MaximumLength(Indicator.UnitMaxLength)
            .When(a => a.Indicator is not null);
    }
}

/// <summary>An input error found only by looking at stored data (an unknown id), reported on its field like any other.</summary>
internal static class InvalidInput
{
    public static ValidationException On(string field, string message) => new([new ValidationFailure(field, message)]);
}
