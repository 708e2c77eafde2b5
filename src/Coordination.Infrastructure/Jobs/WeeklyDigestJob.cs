using Coordination.Application.Notifications;
using Coordination.Infrastructure.Identity;
using Mediator;

namespace Coordination.Infrastructure.Jobs;

/// <summary>
/// Mondays: the secretariat's digest. Hangfire's retries are kept: a run that fails on Monday morning is retried the
/// same week, and the week's key keeps a retry from writing a second digest.
/// </summary>
public sealed class WeeklyDigestJob(SystemActor system, ISender sender)
{
    public const string Id = "weekly-digest";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        system.Activate();
        await sender.Send(new SendWeeklyDigestCommand(), cancellationToken);
    }
}
