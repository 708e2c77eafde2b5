using Coordination.Application.ActionPoints;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using FluentValidation;
using Mediator;

namespace Coordination.Application.Assignments;

/// <summary>Changes an assignment's role or due date; without a due date it follows the action point's.</summary>
public sealed record ChangeAssignmentCommand(Guid Id, AssignmentRole Role, DateOnly? DueDate, string Version)
    : ICommand<AssignmentDto>, ISecretariatOnly;

public sealed class ChangeAssignmentValidator : AbstractValidator<ChangeAssignmentCommand>
{
    public ChangeAssignmentValidator()
    {
        RuleFor(c => c.Role).IsInEnum().WithMessage("The role must be Lead or Supporting.");
        RuleFor(c => c.DueDate).NotEqual(default(DateOnly)).When(c => c.DueDate is not null);
        RuleFor(c => c.Version).NotEmpty();
    }
}

public sealed class ChangeAssignmentHandler(ICoordinationDbContext db, TimeProvider clock)
    : ICommandHandler<ChangeAssignmentCommand, AssignmentDto>
{
    public async ValueTask<AssignmentDto> Handle(ChangeAssignmentCommand command, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Assignment", command.Id);
        assignment.EnsureCurrent(command.Version, "assignment");
        var actionPoint = await db.ActionPoints.FindAsync([assignment.ActionPointId], cancellationToken)
            ?? throw new NotFoundException("Action point", assignment.ActionPointId);
        Assigning.EnsureDueDate(actionPoint, command.DueDate);

        assignment.Change(actionPoint, command.Role, command.DueDate);
        await db.SaveChangesAsync(cancellationToken);
        return await db.FindDtoAsync(assignment.Id, readableForumIds: null, clock, reader: null, cancellationToken)
            ?? throw new NotFoundException("Assignment", command.Id);
    }
}
