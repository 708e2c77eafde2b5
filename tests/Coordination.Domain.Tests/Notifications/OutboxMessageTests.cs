using Coordination.Domain.Notifications;

namespace Coordination.Domain.Tests.Notifications;

public sealed class OutboxMessageTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static OutboxMessage Message() =>
        OutboxMessage.Create("Invitation", "invitation:1", "a@example.org", null, "en", "Subject", "<p>Hi</p>", "Hi", Now);

    [Fact]
    public void Create_IsDueAtOnce()
    {
        var message = Message();

        message.NextAttemptAt.ShouldBe(Now);
        message.Attempts.ShouldBe(0);
        message.SentAt.ShouldBeNull();
        message.FailedAt.ShouldBeNull();
    }

    [Fact]
    public void MarkFailed_Transient_BacksOffExponentially()
    {
        var message = Message();

        message.MarkFailed(Now, "timeout", permanent: false, retryAfter: null);
        message.NextAttemptAt.ShouldBe(Now.AddSeconds(30));
        message.MarkFailed(Now, "timeout", permanent: false, retryAfter: null);
        message.NextAttemptAt.ShouldBe(Now.AddSeconds(60));
        message.MarkFailed(Now, "timeout", permanent: false, retryAfter: null);
        message.NextAttemptAt.ShouldBe(Now.AddSeconds(120));

        message.Attempts.ShouldBe(3);
        message.FailedAt.ShouldBeNull();
        message.LastError.ShouldBe("timeout");
    }

    [Fact]
    public void MarkFailed_WithALongerRetryAfter_WaitsThatLong()
    {
        var message = Message();

        message.MarkFailed(Now, "429", permanent: false, retryAfter: TimeSpan.FromMinutes(10));

        message.NextAttemptAt.ShouldBe(Now.AddMinutes(10));
    }

    [Fact]
    public void MarkFailed_Permanent_GivesUpAtOnce()
    {
        var message = Message();

        message.MarkFailed(Now, "550 no such mailbox", permanent: true, retryAfter: null);

        message.FailedAt.ShouldBe(Now);
        message.Attempts.ShouldBe(1);
    }

    [Fact]
    public void MarkFailed_TransientMaxAttemptsTimes_GivesUp()
    {
        var message = Message();

        for (var i = 1; i < OutboxMessage.MaxAttempts; i++)
            message.MarkFailed(Now, "timeout", permanent: false, retryAfter: null);
        message.FailedAt.ShouldBeNull();
        message.MarkFailed(Now, "timeout", permanent: false, retryAfter: null);

        message.FailedAt.ShouldBe(Now);
        message.Attempts.ShouldBe(OutboxMessage.MaxAttempts);
    }

    [Fact]
    public void MarkFailed_KeepsAtMost2000CharactersOfTheError()
    {
        var message = Message();

        message.MarkFailed(Now, new string('x', 5000), permanent: false, retryAfter: null);

        message.LastError!.Length.ShouldBe(2000);
    }

    [Fact]
    public void MarkSent_AfterAFailure_ClearsTheError()
    {
        var message = Message();
        message.MarkFailed(Now, "timeout", permanent: false, retryAfter: null);

        message.MarkSent(Now.AddMinutes(1));

        message.SentAt.ShouldBe(Now.AddMinutes(1));
        message.LastError.ShouldBeNull();
        message.ClaimedUntil.ShouldBeNull();
    }
}
