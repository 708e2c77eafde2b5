using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Domain.Forums;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports;

/// <summary>
/// Makes the forum's report readable by anyone, without signing in (secretariat). Publishing a published report
/// changes nothing; each change is audited and bumps the forum's version.
/// </summary>
public sealed record PublishReportCommand(Guid ForumId) : ICommand<ForumDto>, ISecretariatOnly;

public sealed class PublishReportHandler(ICoordinationDbContext db) : ICommandHandler<PublishReportCommand, ForumDto>
{
    public async ValueTask<ForumDto> Handle(PublishReportCommand command, CancellationToken cancellationToken) =>
        await ReportPublication.ChangeAsync(db, command.ForumId, f => f.PublishReport(), cancellationToken);
}

internal static class ReportPublication
{
    public static async Task<ForumDto> ChangeAsync(
        ICoordinationDbContext db, Guid forumId, Action<Forum> change, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.SingleOrDefaultAsync(f => f.Id == forumId, cancellationToken)
            ?? throw new NotFoundException(nameof(Forum), forumId);
        change(forum);
        await db.SaveChangesAsync(cancellationToken);
        return ForumDto.From(forum);
    }
}
