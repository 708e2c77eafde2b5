using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace Coordination.Application.Forums;

public sealed record UpdateConclusionCommand(
    Guid Id, int Number, string Text, string Theme, IReadOnlyList<int>? GcmObjectives, IReadOnlyList<string>? SdgTargets,
    string Version)
    : ICommand<ConclusionDto>, ISecretariatOnly, IConclusionInput;

public sealed class UpdateConclusionValidator : AbstractValidator<UpdateConclusionCommand>
{
    public UpdateConclusionValidator()
    {
        this.AddConclusionRules();
        RuleFor(c => c.Version).NotEmpty();
    }
}

public sealed class UpdateConclusionHandler(ICoordinationDbContext db) : ICommandHandler<UpdateConclusionCommand, ConclusionDto>
{
    public async ValueTask<ConclusionDto> Handle(UpdateConclusionCommand command, CancellationToken cancellationToken)
    {
        var conclusion = await db.Conclusions.FindAsync([command.Id], cancellationToken)
            ?? throw new NotFoundException("Conclusion", command.Id);
        conclusion.EnsureCurrent(command.Version, "conclusion");
        if (command.Number != conclusion.Number)
            await db.EnsureNumberIsFreeAsync(conclusion.ForumId, command.Number, conclusion.Id, cancellationToken);

        conclusion.Change(command.Number, command.Text, command.Theme, command.GcmObjectives ?? [], command.SdgTargets ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return ConclusionDto.From(conclusion);
    }
}
