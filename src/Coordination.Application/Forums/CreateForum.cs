using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Forums;
using FluentValidation;
using Mediator;

namespace Coordination.Application.Forums;

/// <param name="RequiresValidation">Defaults to true: the secretariat validates each update before it counts.</param>
/// <param name="Confidential">Defaults to false: everyone who reads the forum sees every organization's updates.</param>
public sealed record CreateForumCommand(
    string Title, string Place, DateOnly? StartDate, DateOnly? EndDate, string? Description, bool? RequiresValidation = null,
    IReadOnlyList<Guid>? ParticipantIds = null, bool? Confidential = null)
    : ICommand<ForumDto>, ISecretariatOnly, IForumInput;

public sealed class CreateForumValidator : AbstractValidator<CreateForumCommand>
{
    public CreateForumValidator(ICoordinationDbContext db) => this.AddForumRules(db);
}

public sealed class CreateForumHandler(ICoordinationDbContext db) : ICommandHandler<CreateForumCommand, ForumDto>
{
    public async ValueTask<ForumDto> Handle(CreateForumCommand command, CancellationToken cancellationToken)
    {
        var forum = Forum.Create(
            command.Title, command.Place, command.StartDate!.Value, command.EndDate!.Value, command.Description,
            command.RequiresValidation ?? true, command.ParticipantIds ?? []);
        forum.SetConfidential(command.Confidential ?? false);
        db.Forums.Add(forum);
        await db.SaveChangesAsync(cancellationToken);
        return ForumDto.From(forum);
    }
}
