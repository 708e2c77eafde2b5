using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ActionPoints;

public sealed record AssignActionPointCommand(Guid ActionPointId, Guid OrganizationId, AssignmentRole Role, DateOnly? DueDate = null)
    : ICommand<AssignmentDto>, ISecretariatOnly;

public sealed class AssignActionPointValidator : AbstractValidator<AssignActionPointCommand>
{
    public AssignActionPointValidator()
    {
        RuleFor(c => c.OrganizationId).NotEmpty();
        RuleFor(c => c.Role).IsInEnum().WithMessage("The role must be Lead or Supporting.");
        RuleFor(c => c.DueDate).NotEqual(default(DateOnly)).When(c => c.DueDate is not null);
    }
}

public sealed class AssignActionPointHandler(ICoordinationDbContext db, TimeProvider clock)
    : ICommandHandler<AssignActionPointCommand, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(AssignActionPointCommand command, CancellationToken cancellationToken)
    {
        var (actionPoint, forum) = await Assigning.LoadAsync(db, command.ActionPointId, cancellationToken);
        Assigning.EnsureDueDate(actionPoint, command.DueDate);
        var organization = await db.Organizations.FindAsync([command.OrganizationId], cancellationToken)
            ?? throw InvalidInput.On(nameof(command.OrganizationId), "There is no such organization.");
        if (!organization.IsActive)
            throw InvalidInput.On(nameof(command.OrganizationId), $"{organization.Name} is deactivated and cannot be assigned action points.");

        // Checked first for a sentence naming the organization; the unique index still refuses two racing requests.
        if (await db.Assignments.AnyAsync(a => a.ActionPointId == actionPoint.Id && a.OrganizationId == organization.Id, cancellationToken))
            throw new ConflictException("{0} is already assigned action point {1}.", organization.Name, actionPoint.Code);

        var assignment = Assigning.Assign(db, actionPoint, forum, organization, command.Role, command.DueDate);
        await db.SaveChangesAsync(cancellationToken);
        return await db.FindDtoAsync(assignment.Id, readableForumIds: null, clock, reader: null, cancellationToken)
            ?? throw new InvalidOperationException($"The current status of assignment {assignment.Id} was not written.");
    }
}

/// <summary>What assigning one organization and assigning many have in common.</summary>
internal static class Assigning
{
    public static async Task<(ActionPoint ActionPoint, Forum Forum)> LoadAsync(
        ICoordinationDbContext db, Guid actionPointId, CancellationToken cancellationToken)
    {
        var actionPoint = await db.ActionPoints.FindAsync([actionPointId], cancellationToken)
            ?? throw new NotFoundException("Action point", actionPointId);
        var forum = await db.Forums.SingleAsync(f => f.Id == actionPoint.ForumId, cancellationToken);
        return (actionPoint, forum);
    }

    /// <summary>The domain refuses it too; said here so the form shows the error on the due date.</summary>
    public static void EnsureDueDate(ActionPoint actionPoint, DateOnly? dueDate)
    {
        if (dueDate is { } due && due < actionPoint.StartDate)
            throw InvalidInput.On("DueDate", $"The due date cannot be before the action point's start date ({actionPoint.StartDate:yyyy-MM-dd}).");
    }

    /// <summary>An organization assigned an action point takes part in its forum from then on, so its focal points can read it.</summary>
    public static Assignment Assign(
        ICoordinationDbContext db, ActionPoint actionPoint, Forum forum, Organization organization, AssignmentRole role, DateOnly? dueDate)
    {
        var assignment = Assignment.Create(actionPoint, organization.Id, role, dueDate);
        db.Assignments.Add(assignment);
        forum.AddParticipant(organization.Id);
        return assignment;
    }
}
