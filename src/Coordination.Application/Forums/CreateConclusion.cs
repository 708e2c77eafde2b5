using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Forums;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Forums;

public sealed record CreateConclusionCommand(
    Guid ForumId, int Number, string Text, string Theme, IReadOnlyList<int>? GcmObjectives, IReadOnlyList<string>? SdgTargets)
    : ICommand<ConclusionDto>, ISecretariatOnly, IConclusionInput;

public sealed class CreateConclusionValidator : AbstractValidator<CreateConclusionCommand>
{
    public CreateConclusionValidator() => this.AddConclusionRules();
}

public sealed class CreateConclusionHandler(ICoordinationDbContext db) : ICommandHandler<CreateConclusionCommand, ConclusionDto>
{
    public async ValueTask<ConclusionDto> Handle(CreateConclusionCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Forums.AnyAsync(f => f.Id == command.ForumId, cancellationToken))
            throw new NotFoundException("Forum", command.ForumId);
        await db.EnsureNumberIsFreeAsync(command.ForumId, command.Number, exceptId: null, cancellationToken);

        var conclusion = Conclusion.Create(
            command.ForumId, command.Number, command.Text, command.Theme, command.GcmObjectives ?? [], command.SdgTargets ?? []);
        db.Conclusions.Add(conclusion);
        await db.SaveChangesAsync(cancellationToken);
        return ConclusionDto.From(conclusion);
    }
}

internal static class ConclusionNumbers
{
    /// <summary>
    /// Says which number is taken, in a sentence. Two people saving the same number at the same moment are still
    /// stopped by the unique index on (forum, number).
    /// </summary>
    public static async Task EnsureNumberIsFreeAsync(
        this ICoordinationDbContext db, Guid forumId, int number, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Conclusions.AnyAsync(c => c.ForumId == forumId && c.Number == number && c.Id != exceptId, cancellationToken))
            throw new ConflictException("Conclusion {0} already exists in this forum.", number);
    }
}
