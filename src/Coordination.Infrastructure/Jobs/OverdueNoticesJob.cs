using Coordination.Application.Notifications;
using Coordination.Infrastructure.Identity;
using Mediator;

namespace Coordination.Infrastructure.Jobs;

/// <summary>Every day: one notice per assignment past its due date to its organization's focal points.</summary>
public sealed class OverdueNoticesJob(SystemActor system, ISender sender)
{
    public const string Id = "overdue-notices";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        system.Activate();
        await sender.Send(new SendOverdueNoticesCommand(), cancellationToken);
    }
}
