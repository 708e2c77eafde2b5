using Coordination.Application.ReviewCycles;
using Coordination.Infrastructure.Identity;
using Hangfire;
using Mediator;

namespace Coordination.Infrastructure.Jobs;

/// <summary>
/// Every hour: creates, opens and closes the scheduled forums' review cycles, as the system. No Hangfire retries: the
/// next hourly run picks up whatever this one did not finish, and running twice changes nothing.
/// </summary>
public sealed class ReviewCyclesAdvanceJob(SystemActor system, ISender sender)
{
    public const string Id = "review-cycles-advance";

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        system.Activate();
        await sender.Send(new AdvanceReviewCyclesCommand(), cancellationToken);
    }
}
