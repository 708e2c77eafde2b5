using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ActionPoints;

/// <summary>
/// Assigns an action point to many organizations in one step: the listed ones, or every member-state institution
/// taking part in the forum ("to every participating country"). Organizations already assigned are skipped.
/// </summary>
public sealed record BulkAssignActionPointCommand(
    Guid ActionPointId,
    IReadOnlyList<Guid>? OrganizationIds,
    bool? AllMemberStateInstitutions,
    AssignmentRole Role,
    DateOnly? DueDate = null)
    : ICommand<BulkAssignmentResult>, ISecretariatOnly;

public sealed record BulkAssignmentResult(IReadOnlyList<AssignmentDto> Created, IReadOnlyList<SkippedOrganization> Skipped);

public sealed record SkippedOrganization(Guid OrganizationId, string OrganizationName, string Reason);

public sealed class BulkAssignActionPointValidator : AbstractValidator<BulkAssignActionPointCommand>
{
    public const int MaxOrganizations = 200;

    public BulkAssignActionPointValidator()
    {
        RuleFor(c => c.OrganizationIds)
            .Must((command, ids) => HasList(command) != (command.AllMemberStateInstitutions == true))
            .WithMessage("Give either a list of organizations or allMemberStateInstitutions, not both and not neither.");
        RuleFor(c => c.OrganizationIds!.Count).LessThanOrEqualTo(MaxOrganizations).OverridePropertyName(nameof(BulkAssignActionPointCommand.OrganizationIds))
            .When(c => c.OrganizationIds is not null)
            .WithMessage($"At most {MaxOrganizations} organizations can be assigned in one step.");
        RuleForEach(c => c.OrganizationIds).NotEmpty();
        RuleFor(c => c.Role).IsInEnum().WithMessage("The role must be Lead or Supporting.");
        RuleFor(c => c.DueDate).NotEqual(default(DateOnly)).When(c => c.DueDate is not null);
    }

    private static bool HasList(BulkAssignActionPointCommand command) => command.OrganizationIds is { Count: > 0 };
}

public sealed class BulkAssignActionPointHandler(ICoordinationDbContext db, TimeProvider clock)
    : ICommandHandler<BulkAssignActionPointCommand, BulkAssignmentResult>
{
    public const string AlreadyAssigned = "Already assigned.";
    public const string Deactivated = "The organization is deactivated.";

    public async ValueTask<BulkAssignmentResult> Handle(BulkAssignActionPointCommand command, CancellationToken cancellationToken)
    {
        var (actionPoint, forum) = await Assigning.LoadAsync(db, command.ActionPointId, cancellationToken);
        Assigning.EnsureDueDate(actionPoint, command.DueDate);

        List<Organization> organizations;
        if (command.AllMemberStateInstitutions == true)
        {
            var participantIds = forum.Participants.Select(p => p.OrganizationId).ToList();
            organizations = await db.Organizations
                .Where(o => participantIds.Contains(o.Id) && o.Kind == OrganizationKind.MemberStateInstitution)
                .ToListAsync(cancellationToken);
        }
        else
        {
            var ids = command.OrganizationIds!.Distinct().ToList();
            organizations = await db.Organizations.Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
            var unknown = ids.Except(organizations.Select(o => o.Id)).ToList();
            if (unknown.Count > 0)
                throw InvalidInput.On(nameof(command.OrganizationIds), $"There is no organization {string.Join(", ", unknown)}.");
        }

        var assigned = await db.Assignments
            .Where(a => a.ActionPointId == actionPoint.Id)
            .Select(a => a.OrganizationId)
            .ToHashSetAsync(cancellationToken);

        var created = new List<Guid>();
        var skipped = new List<SkippedOrganization>();
        foreach (var organization in organizations.OrderBy(o => o.CountryCode).ThenBy(o => o.Name))
        {
            if (assigned.Contains(organization.Id))
                skipped.Add(new SkippedOrganization(organization.Id, organization.Name, AlreadyAssigned));
            else if (!organization.IsActive)
                skipped.Add(new SkippedOrganization(organization.Id, organization.Name, Deactivated));
            else
                created.Add(Assigning.Assign(db, actionPoint, forum, organization, command.Role, command.DueDate).Id);
        }

        await db.SaveChangesAsync(cancellationToken);

        var today = clock.Today(forum).DayNumber;
        var rows = await db.Rows(db.AssignmentStatuses.AsNoTracking().Where(s => created.Contains(s.AssignmentId)))
            .OrderBy(r => r.CountryCode).ThenBy(r => r.OrganizationName)
            .ToListAsync(cancellationToken);
        return new BulkAssignmentResult([.. rows.Select(r => r.ToDto(today))], skipped);
    }
}
