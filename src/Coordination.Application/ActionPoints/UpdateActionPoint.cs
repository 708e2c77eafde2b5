using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ActionPoints;

public sealed record UpdateActionPointCommand(
    Guid Id,
    Guid ConclusionId,
    string Code,
    string Title,
    string? Description,
    Priority Priority,
    DateOnly StartDate,
    DateOnly DueDate,
    IndicatorInput? Indicator,
    string Version)
    : ICommand<ActionPointDto>, ISecretariatOnly, IActionPointInput;

public sealed class UpdateActionPointValidator : AbstractValidator<UpdateActionPointCommand>
{
    public UpdateActionPointValidator()
    {
        this.AddActionPointRules();
        RuleFor(a => a.Version).NotEmpty();
    }
}

public sealed class UpdateActionPointHandler(ICoordinationDbContext db) : ICommandHandler<UpdateActionPointCommand, ActionPointDto>
{
    public async ValueTask<ActionPointDto> Handle(UpdateActionPointCommand command, CancellationToken cancellationToken)
    {
        var actionPoint = await db.ActionPoints.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Action point", command.Id);
        actionPoint.EnsureCurrent(command.Version, "action point");

        if (command.ConclusionId != actionPoint.ConclusionId)
        {
            var forumId = await db.Conclusions.AsNoTracking()
                .Where(c => c.Id == command.ConclusionId)
                .Select(c => (Guid?)c.ForumId)
                .SingleOrDefaultAsync(cancellationToken);
            if (forumId is null)
                throw InvalidInput.On(nameof(command.ConclusionId), "There is no such conclusion.");
            if (forumId != actionPoint.ForumId)
                throw InvalidInput.On(nameof(command.ConclusionId), "An action point can only move to another conclusion of the same forum.");
        }

        var code = command.Code.Trim();
        if (!string.Equals(code, actionPoint.Code, StringComparison.Ordinal))
            await ActionPointCode.EnsureFreeAsync(db, actionPoint.ForumId, code, actionPoint.Id, cancellationToken);

        actionPoint.Change(
            command.ConclusionId, code, command.Title, command.Description, command.Priority,
            command.StartDate, command.DueDate, command.Indicator?.ToIndicator());

        await db.SaveChangesAsync(cancellationToken);

        var assignmentCount = await db.Assignments.CountAsync(a => a.ActionPointId == actionPoint.Id, cancellationToken);
        return actionPoint.ToDto(assignmentCount);
    }
}
