using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Progress;

/// <param name="RevisionOfId">The returned update of this assignment that this one revises.</param>
/// <param name="IdempotencyKey">The client's <c>Idempotency-Key</c>: a retry with the same key and request gets the first update back.</param>
public sealed record ReportProgressCommand(
    Guid AssignmentId,
    AssignmentStatus? Status,
    int? PercentComplete,
    string? Narrative,
    string? Obstacles = null,
    string? SupportNeeded = null,
    IReadOnlyList<string?>? EvidenceLinks = null,
    decimal? IndicatorValue = null,
    Guid? ReviewCycleId = null,
    Guid? RevisionOfId = null,
    string? IdempotencyKey = null)
    : ICommand<ProgressUpdateDto>;

public sealed class ReportProgressValidator : AbstractValidator<ReportProgressCommand>
{
    /// <summary>What a decimal(18,4) column holds.</summary>
    private const decimal IndicatorLimit = 99_999_999_999_999m;

    public ReportProgressValidator()
    {
        RuleFor(c => c.Status).NotNull().IsInEnum();
        RuleFor(c => c.Status).NotEqual(AssignmentStatus.Cancelled)
            .WithMessage("Only the secretariat cancels an assignment; report it as on hold and explain why.");
        RuleFor(c => c.PercentComplete).NotNull().InclusiveBetween(0, 100)
            .WithMessage("The percent complete must be between 0 and 100.");
        RuleFor(c => c.Narrative).NotEmpty().WithMessage("Describe what was done.")
            .MaximumLength(ProgressUpdate.NarrativeMaxLength);
        RuleFor(c => c.Obstacles).MaximumLength(ProgressUpdate.NoteMaxLength);
        RuleFor(c => c.SupportNeeded).MaximumLength(ProgressUpdate.NoteMaxLength);
        RuleForEach(c => c.EvidenceLinks)
            .Must(link => string.IsNullOrWhiteSpace(link) || ProgressUpdate.IsWebLink(link.Trim()))
            .WithMessage("'{PropertyValue}' is not a web link (http or https).");
        RuleFor(c => c.EvidenceLinks)
            .Must(links => ReportProgressHandler.Links(links).Count <= ProgressUpdate.MaxEvidenceLinks)
            .WithMessage($"At most {ProgressUpdate.MaxEvidenceLinks} evidence links can be attached to one update.");
        RuleFor(c => c.IndicatorValue).InclusiveBetween(-IndicatorLimit, IndicatorLimit);
        RuleFor(c => c.IdempotencyKey)
            .NotEmpty().WithMessage("The Idempotency-Key header must not be empty.")
            .MaximumLength(IdempotentRequest.KeyMaxLength)
            .WithMessage($"The Idempotency-Key header must be at most {IdempotentRequest.KeyMaxLength} characters.")
            .When(c => c.IdempotencyKey is not null);
    }
}

/// <summary>The assigned organization's focal points report; the secretariat may report on the organization's behalf.</summary>
public sealed class ReportProgressAccessRule(ICoordinationDbContext db) : IAccessRule<ReportProgressCommand>
{
    public async ValueTask<AccessDecision> DecideAsync(ReportProgressCommand message, ICurrentUser user, CancellationToken cancellationToken) =>
        await db.MayReportAsync(user, message.AssignmentId, cancellationToken);
}

public sealed class ReportProgressHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReportProgressCommand, ProgressUpdateDto>
{
    public async ValueTask<ProgressUpdateDto> Handle(ReportProgressCommand command, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new UnauthenticatedException();
        var requestHash = command.IdempotencyKey is null ? null : IdempotentRequest.Hash(command);
        if (command.IdempotencyKey is { } key)
        {
            // A retry must get the first answer back, even when that update now blocks a new one (awaiting validation).
            var earlier = await db.ProgressUpdates.AsNoTracking()
                .Where(u => u.SubmittedById == userId && u.IdempotencyKey == key)
                .Select(u => new { u.Id, u.RequestHash })
                .SingleOrDefaultAsync(cancellationToken);
            if (earlier is not null)
            {
                if (earlier.RequestHash != requestHash)
                    throw new ConflictException("This Idempotency-Key was already used for a different update.");
                return await db.ReadProgressUpdateAsync(earlier.Id, cancellationToken);
            }
        }

        var assignment = await db.Assignments.FindAsync([command.AssignmentId], cancellationToken)
            ?? throw new NotFoundException("Assignment", command.AssignmentId);
        var forum = await db.ActionPoints
            .Where(p => p.Id == assignment.ActionPointId)
            .Join(db.Forums, p => p.ForumId, f => f.Id, (_, f) => new { f.Id, f.RequiresValidation })
            .SingleAsync(cancellationToken);
        var requiresValidation = forum.RequiresValidation;
        var reviewCycleId = await ReviewCycleOfAsync(forum.Id, command.ReviewCycleId, cancellationToken);
        ProgressUpdate? revisionOf = null;
        if (command.RevisionOfId is { } revisionOfId)
        {
            revisionOf = await db.ProgressUpdates.SingleOrDefaultAsync(
                    u => u.Id == revisionOfId && u.AssignmentId == assignment.Id, cancellationToken)
                ?? throw new ValidationException([
                    new ValidationFailure(nameof(command.RevisionOfId), "This is not an update of this assignment."),
                ]);
        }

        // The secretariat reports on the organization's behalf; a focal point reports as their own organization,
        // so the aggregate refuses anyone else even if a check above were wrong.
        var organizationId = user.IsSecretariat() ? assignment.OrganizationId : user.OrganizationId ?? Guid.Empty;
        var reporter = new Reporter(userId, user.NameForHistory(), organizationId);
        var report = new ProgressReport(
            command.Status!.Value,
            command.PercentComplete!.Value,
            command.Narrative!,
            command.Obstacles,
            command.SupportNeeded,
            Links(command.EvidenceLinks),
            command.IndicatorValue,
            reviewCycleId);

        var update = assignment.Report(report, reporter, clock.UtcNow(), requiresValidation, revisionOf);
        if (command.IdempotencyKey is { } newKey)
            update.RememberIdempotencyKey(newKey, requestHash!);
        db.ProgressUpdates.Add(update);
        await db.SaveChangesAsync(cancellationToken);
        return await db.ReadProgressUpdateAsync(update.Id, cancellationToken);
    }

    /// <summary>
    /// The review cycle the update answers: the one named, which must be open in the assignment's forum; else the
    /// forum's open cycle, if there is one (with several open, the one due first); else none.
    /// </summary>
    private async Task<Guid?> ReviewCycleOfAsync(Guid forumId, Guid? named, CancellationToken cancellationToken)
    {
        var open = db.ReviewCycles.Where(c => c.ForumId == forumId && c.State == ReviewCycleState.Open);
        if (named is { } cycleId)
        {
            return await open.AnyAsync(c => c.Id == cycleId, cancellationToken)
                ? cycleId
                : throw new ValidationException([
                    new ValidationFailure(nameof(ReportProgressCommand.ReviewCycleId), "This is not an open review cycle of this assignment's forum."),
                ]);
        }

        return await open
            .OrderBy(c => c.SubmissionDeadline).ThenBy(c => c.OpensOn)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The links as the update keeps them: trimmed, without blanks or repeats.</summary>
    internal static List<string> Links(IReadOnlyList<string?>? links) =>
        (links ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim()).Distinct().ToList();
}
