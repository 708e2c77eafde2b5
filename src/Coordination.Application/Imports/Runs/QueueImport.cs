using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Imports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Imports.Runs;

/// <summary>
/// Stores a large plan file as an import run to be carried out in the background; returns the run's id. The file is
/// read once here, so a file that cannot be a plan (wrong type, too large, missing columns) is refused at once (400 on
/// <c>file</c>) and the run knows its rows. The caller asks <see cref="IImportRunTrigger.RunSoon"/> after this commits.
/// </summary>
public sealed record QueueImportCommand(Guid ForumId, string FileName, byte[] Content) : ICommand<Guid>, ISecretariatOnly;

public sealed class QueueImportValidator : AbstractValidator<QueueImportCommand>
{
    public QueueImportValidator()
    {
        RuleFor(c => c.ForumId).NotEmpty();
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(ImportRun.FileNameMaxLength)
            .WithName(PlanFileReader.Field).OverridePropertyName(PlanFileReader.Field);
    }
}

public sealed class QueueImportHandler(ICoordinationDbContext db, PlanFileReader reader, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<QueueImportCommand, Guid>
{
    public async ValueTask<Guid> Handle(QueueImportCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Forums.AnyAsync(f => f.Id == command.ForumId, cancellationToken))
            throw new NotFoundException("Forum", command.ForumId);

        var rows = reader.Read(command.FileName, command.Content);
        var run = ImportRun.Queue(
            command.ForumId, user.UserId ?? throw new UnauthenticatedException(), Path.GetFileName(command.FileName), command.Content,
            rows.Count, clock.UtcNow());
        db.ImportRuns.Add(run);
        return run.Id;
    }
}
