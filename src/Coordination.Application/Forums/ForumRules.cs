using Coordination.Application.Common.Abstractions;
using Coordination.Domain.Forums;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Forums;

/// <summary>The input shape shared by creating and editing a forum.</summary>
public interface IForumInput
{
    string Title { get; }

    string Place { get; }

    DateOnly? StartDate { get; }

    DateOnly? EndDate { get; }

    string? Description { get; }

    /// <summary>Null keeps the current participants (on edit) or means none (on create).</summary>
    IReadOnlyList<Guid>? ParticipantIds { get; }
}

internal static class ForumRules
{
    public static void AddForumRules<T>(this AbstractValidator<T> validator, ICoordinationDbContext db)
        where T : IForumInput
    {
        validator.RuleFor(f => f.Title).NotEmpty().MaximumLength(Forum.TitleMaxLength);
        validator.RuleFor(f => f.Place).NotEmpty().MaximumLength(Forum.PlaceMaxLength);
        validator.RuleFor(f => f.Description).MaximumLength(Forum.DescriptionMaxLength);
        validator.RuleFor(f => f.StartDate).NotNull();
        validator.RuleFor(f => f.EndDate).NotNull();
        validator.RuleFor(f => f.EndDate)
            .GreaterThanOrEqualTo(f => f.StartDate)
            .When(f => f.StartDate is not null && f.EndDate is not null)
            .WithMessage("The forum cannot end before it starts.");

        // Existence needs the database, but it is still about the input: a wrong id is the caller's mistake (400 on
        // the field), not a state conflict.
        validator.RuleFor(f => f.ParticipantIds)
            .CustomAsync(async (ids, context, cancellationToken) =>
            {
                if (ids is null || ids.Count == 0)
                    return;
                var wanted = ids.Distinct().ToList();
                var known = await db.Organizations.AsNoTracking()
                    .Where(o => wanted.Contains(o.Id))
                    .Select(o => o.Id)
                    .ToListAsync(cancellationToken);
                var unknown = wanted.Except(known).ToList();
                if (unknown.Count > 0)
                    context.AddFailure($"No organization has the id {string.Join(", ", unknown)}.");
            });
    }
}
