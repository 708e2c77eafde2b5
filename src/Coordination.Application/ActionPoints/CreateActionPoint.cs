using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ActionPoints;

public sealed record CreateActionPointCommand(
    Guid ConclusionId,
    string Code,
    string Title,
    string? Description,
    Priority Priority,
    DateOnly StartDate,
    DateOnly DueDate,
    IndicatorInput? Indicator = null)
    : ICommand<ActionPointDto>, ISecretariatOnly, IActionPointInput;

public sealed class CreateActionPointValidator : AbstractValidator<CreateActionPointCommand>
{
    public CreateActionPointValidator() => this.AddActionPointRules();
}

public sealed class CreateActionPointHandler(ICoordinationDbContext db) : ICommandHandler<CreateActionPointCommand, ActionPointDto>
{
    public async ValueTask<ActionPointDto> Handle(CreateActionPointCommand command, CancellationToken cancellationToken)
    {
        var forumId = await db.Conclusions.AsNoTracking()
            .Where(c => c.Id == command.ConclusionId)
            .Select(c => (Guid?)c.ForumId)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw InvalidInput.On(nameof(command.ConclusionId), "There is no such conclusion.");

        var code = command.Code.Trim();
        await ActionPointCode.EnsureFreeAsync(db, forumId, code, exceptId: null, cancellationToken);

        var actionPoint = ActionPoint.Create(
            forumId, command.ConclusionId, code, command.Title, command.Description, command.Priority,
            command.StartDate, command.DueDate, command.Indicator?.ToIndicator());
        db.ActionPoints.Add(actionPoint);
        await db.SaveChangesAsync(cancellationToken);
        return actionPoint.ToDto(assignmentCount: 0);
    }
}

internal static class ActionPointCode
{
    /// <summary>
    /// Codes are unique within a forum. Checked first for a sentence naming the code; the unique index still refuses
    /// two creations racing each other.
    /// </summary>
    public static async Task EnsureFreeAsync(
        ICoordinationDbContext db, Guid forumId, string code, Guid? exceptId, CancellationToken cancellationToken)
    {
        var taken = await db.ActionPoints.AsNoTracking()
            .AnyAsync(a => a.ForumId == forumId && a.Code == code && a.Id != exceptId, cancellationToken);
        if (taken)
            throw new ConflictException("An action point with code {0} already exists in this forum.", code);
    }
}
