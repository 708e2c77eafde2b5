using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Mediator;

namespace Coordination.Application.Reports;

/// <summary>Takes the forum's report back from the public (secretariat): anonymous readers get 404 again.</summary>
public sealed record UnpublishReportCommand(Guid ForumId) : ICommand<ForumDto>, ISecretariatOnly;

public sealed class UnpublishReportHandler(ICoordinationDbContext db) : ICommandHandler<UnpublishReportCommand, ForumDto>
{
    public async ValueTask<ForumDto> Handle(UnpublishReportCommand command, CancellationToken cancellationToken) =>
        await ReportPublication.ChangeAsync(db, command.ForumId, f => f.UnpublishReport(), cancellationToken);
}
