using Coordination.Domain.Forums;
using FluentValidation;

namespace Coordination.Application.Forums;

/// <summary>The input shape shared by creating and editing a conclusion.</summary>
public interface IConclusionInput
{
    int Number { get; }

    string Text { get; }

    string Theme { get; }

    /// <summary>Null means none.</summary>
    IReadOnlyList<int>? GcmObjectives { get; }

    /// <summary>Null means none.</summary>
    IReadOnlyList<string>? SdgTargets { get; }
}

internal static class ConclusionRules
{
    public static void AddConclusionRules<T>(this AbstractValidator<T> validator)
        where T : IConclusionInput
    {
        validator.RuleFor(c => c.Number).GreaterThanOrEqualTo(1).WithMessage("A conclusion's number starts at 1.");
        validator.RuleFor(c => c.Text).NotEmpty().MaximumLength(Conclusion.TextMaxLength);
        validator.RuleFor(c => c.Theme).NotEmpty().MaximumLength(Conclusion.ThemeMaxLength);

        // One error on the list rather than one per position: the field is what a form or a partner's tool shows.
        validator.RuleFor(c => c.GcmObjectives)
            .Must(objectives => objectives!.All(IsGcmObjective))
            .When(c => c.GcmObjectives is not null)
            .WithMessage(c => $"GCM objectives are numbered from 1 to {Conclusion.GcmObjectiveCount}; "
                + $"{string.Join(", ", c.GcmObjectives!.Where(o => !IsGcmObjective(o)))} is not one.");
        validator.RuleFor(c => c.SdgTargets)
            .Must(targets => targets!.All(t => Conclusion.IsSdgTarget(t?.Trim())))
            .When(c => c.SdgTargets is not null)
            .WithMessage(c => $"'{c.SdgTargets!.First(t => !Conclusion.IsSdgTarget(t?.Trim()))}' is not an SDG target "
                + "(write it like 10.7 or 17.18).");
    }

    public static bool IsGcmObjective(int objective) => objective is >= 1 and <= Conclusion.GcmObjectiveCount;
}
