using System.Text.Json;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Behaviors;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Auditing;
using Coordination.Domain.Forums;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Forums;

/// <param name="RequiresValidation">Null keeps the current setting.</param>
/// <param name="ParticipantIds">Null keeps the current participants; a list replaces them.</param>
/// <param name="Confidential">Null keeps the current setting.</param>
public sealed record UpdateForumCommand(
    Guid Id, string Title, string Place, DateOnly? StartDate, DateOnly? EndDate, string? Description, bool? RequiresValidation,
    IReadOnlyList<Guid>? ParticipantIds, string Version, bool? Confidential = null)
    : ICommand<ForumDto>, ISecretariatOnly, IForumInput;

public sealed class UpdateForumValidator : AbstractValidator<UpdateForumCommand>
{
    public UpdateForumValidator(ICoordinationDbContext db)
    {
        this.AddForumRules(db);
        RuleFor(f => f.Version).NotEmpty();
    }
}

public sealed class UpdateForumHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<UpdateForumCommand, ForumDto>
{
    public async ValueTask<ForumDto> Handle(UpdateForumCommand command, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.SingleOrDefaultAsync(f => f.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Forum", command.Id);
        forum.EnsureCurrent(command.Version, "forum");

        var before = forum.Participants.Select(p => p.OrganizationId).Order().ToList();
        if (command.ParticipantIds is { } wanted)
            await EnsureNoneWithAssignmentsLeavesAsync(forum.Id, before.Except(wanted).ToList(), cancellationToken);

        forum.Change(
            command.Title, command.Place, command.StartDate!.Value, command.EndDate!.Value, command.Description,
            command.RequiresValidation ?? forum.RequiresValidation);
        forum.SetConfidential(command.Confidential ?? forum.Confidential);
        if (command.ParticipantIds is not null)
        {
            forum.SetParticipants(command.ParticipantIds);
            var after = forum.Participants.Select(p => p.OrganizationId).Order().ToList();
            if (!before.SequenceEqual(after))
                RecordParticipantsChange(command, forum, before, after);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ForumDto.From(forum);
    }

    /// <summary>
    /// An organization with assignments in the forum must keep reading it (its focal points report there), so it
    /// cannot be taken off the participants while those assignments exist.
    /// </summary>
    private async Task EnsureNoneWithAssignmentsLeavesAsync(Guid forumId, List<Guid> leaving, CancellationToken cancellationToken)
    {
        if (leaving.Count == 0)
            return;
        var assigned = await db.Organizations.AsNoTracking()
            .Where(o => leaving.Contains(o.Id)
                && db.Assignments.Any(a => a.OrganizationId == o.Id
                    && db.ActionPoints.Any(ap => ap.Id == a.ActionPointId && ap.ForumId == forumId)))
            .OrderBy(o => o.Acronym)
            .Select(o => o.Acronym)
            .ToListAsync(cancellationToken);
        if (assigned.Count == 0)
            return;

        var names = assigned.Count == 1 ? assigned[0] : $"{string.Join(", ", assigned[..^1])} and {assigned[^1]}";
        throw new ConflictException(assigned.Count == 1
            ? $"{names} cannot be removed from this forum's participants: action points of this forum are assigned to it."
            : $"{names} cannot be removed from this forum's participants: action points of this forum are assigned to them.");
    }

    /// <summary>
    /// Participants are rows of their own, not an audited entity, and a forum whose only change is its participants
    /// would keep its version. So the change is recorded here, and the version is bumped, so that a second editor
    /// holding the old version gets a conflict instead of silently putting back whom the first one removed.
    /// </summary>
    private void RecordParticipantsChange(UpdateForumCommand command, Forum forum, List<Guid> before, List<Guid> after)
    {
        db.Forums.Entry(forum).Property(f => f.Version).IsModified = true;
        db.AuditEntries.Add(AuditEntry.Record(
            clock.UtcNow(), user.UserId, user.Email, UseCaseName.Of(command), nameof(Forum), forum.Id, "Updated",
            JsonSerializer.Serialize(new { participantIds = before }),
            JsonSerializer.Serialize(new { participantIds = after })));
    }
}
