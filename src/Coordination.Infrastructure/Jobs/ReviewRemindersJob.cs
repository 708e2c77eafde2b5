using Coordination.Application.Notifications;
using Coordination.Infrastructure.Identity;
using Hangfire;
using Mediator;

namespace Coordination.Infrastructure.Jobs;

/// <summary>
/// Every hour: reminders to those who have not reported in an open review cycle. Each reminder is written once, so
/// running often only makes it go out soon after the forum's day begins. No Hangfire retries: the next hour's run
/// does the same work.
/// </summary>
public sealed class ReviewRemindersJob(SystemActor system, ISender sender)
{
    public const string Id = "review-reminders";

    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        system.Activate();
        await sender.Send(new SendReviewRemindersCommand(), cancellationToken);
    }
}
