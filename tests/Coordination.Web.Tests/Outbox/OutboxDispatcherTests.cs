using System.Net;
using System.Net.Http.Json;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Notifications;
using Coordination.Domain.Notifications;
using Coordination.Infrastructure.Identity;
using Coordination.Infrastructure.Jobs;
using Coordination.Web.Tests.Infrastructure;
using Hangfire;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Outbox;

public abstract class OutboxDispatcherTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : OutboxApp
{
    [Fact]
    public async Task Dispatch_InvitationMail_IsSentOnceWhenTheDispatcherRunsTwice()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var email = NewEmail();
        var enqueuedBefore = EnqueuedDispatcherRuns();

        var response = await client.PostAsJsonAsync($"/api/organizations/{await app.OrganizationIdAsync("INM")}/invitations",
            new { email, role = "FocalPoint", language = "es" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);

        // Nothing leaves inside the request; the endpoint only asked the job server for a run.
        app.Transport.AttemptsTo(email).ShouldBeEmpty();
        EnqueuedDispatcherRuns().ShouldBe(enqueuedBefore + 1);

        await app.RunDispatcherAsync();
        await app.RunDispatcherAsync();

        var sent = app.Transport.SentTo(email).ShouldHaveSingleItem();
        sent.Subject.ShouldStartWith("Invitación");
        sent.TextBody.ShouldContain($"{TestHost.PublicBaseUrl}/account/accept-invitation?token=");
        sent.HtmlBody.ShouldContain($"href=\"{TestHost.PublicBaseUrl}/account/accept-invitation?token=");
        app.Transport.AttemptsTo(email).Count.ShouldBe(1);
        var row = await MessageToAsync(email);
        row.SentAt!.Value.ShouldBe(app.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMilliseconds(1));
        row.Attempts.ShouldBe(0);
        row.ClaimedUntil.ShouldBeNull();
        sent.MessageId.ShouldBe(row.Id.ToString("N"));
    }

    [Fact]
    public async Task Dispatch_TransientFailure_IsRetriedAfterTheBackOffAndSentOnce()
    {
        var email = NewEmail();
        app.Transport.Script(email, () => new EmailSendResult(EmailSendOutcome.TransientFailure, "SendGrid answered 503"));
        await AddMessagesAsync(email);

        await app.RunDispatcherAsync();
        var failed = await MessageToAsync(email);
        failed.Attempts.ShouldBe(1);
        failed.SentAt.ShouldBeNull();
        failed.FailedAt.ShouldBeNull();
        failed.LastError.ShouldBe("SendGrid answered 503");
        failed.NextAttemptAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddSeconds(30), TimeSpan.FromMilliseconds(1));

        app.Clock.Advance(TimeSpan.FromSeconds(29));
        await app.RunDispatcherAsync();
        app.Transport.AttemptsTo(email).Count.ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.RunDispatcherAsync();
        await app.RunDispatcherAsync();

        app.Transport.AttemptsTo(email).Count.ShouldBe(2);
        app.Transport.SentTo(email).Count.ShouldBe(1);
        var sent = await MessageToAsync(email);
        sent.SentAt.ShouldNotBeNull();
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task Dispatch_TransportThatThrows_IsATransientFailure()
    {
        var email = NewEmail();
        app.Transport.Script(email, () => throw new HttpRequestException("Connection refused"));
        await AddMessagesAsync(email);

        await app.RunDispatcherAsync();

        var failed = await MessageToAsync(email);
        failed.Attempts.ShouldBe(1);
        failed.FailedAt.ShouldBeNull();
        failed.LastError!.ShouldContain("Connection refused");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunDispatcherAsync();
        app.Transport.SentTo(email).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_PermanentFailure_MarksTheMessageFailedAndNeverRetriesIt()
    {
        var email = NewEmail();
        app.Transport.Script(email, () => new EmailSendResult(EmailSendOutcome.PermanentFailure, "SendGrid answered 400: invalid address"));
        await AddMessagesAsync(email);

        await app.RunDispatcherAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunDispatcherAsync();

        app.Transport.AttemptsTo(email).Count.ShouldBe(1);
        app.Transport.SentTo(email).ShouldBeEmpty();
        var failed = await MessageToAsync(email);
        failed.FailedAt.ShouldNotBeNull();
        failed.SentAt.ShouldBeNull();
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldBe("SendGrid answered 400: invalid address");
    }

    [Fact]
    public async Task Dispatch_ByTwoDispatchersAtOnce_SendsEachOfTwentyMessagesExactlyOnce()
    {
        var recipients = Enumerable.Range(1, 20).Select(_ => NewEmail()).ToArray();
        await AddMessagesAsync(recipients);

        // Two scopes, as two servers would have: separate contexts and connections racing for the same rows.
        var counts = await Task.WhenAll(DispatchAsSystemAsync(batchSize: 3), DispatchAsSystemAsync(batchSize: 3));

        foreach (var recipient in recipients)
            app.Transport.AttemptsTo(recipient).Count.ShouldBe(1, recipient);
        counts.Sum().ShouldBeGreaterThanOrEqualTo(20);
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => recipients.Contains(m.To)).ToListAsync());
        rows.Count.ShouldBe(20);
        rows.ShouldAllBe(m => m.SentAt != null && m.ClaimedUntil == null && m.Attempts == 0);
    }

    [Fact]
    public async Task Dispatch_MessageClaimedByAnotherDispatcher_IsLeftAloneUntilTheClaimLapses()
    {
        var email = NewEmail();
        await AddMessagesAsync(email);
        var leaseUntil = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, leaseUntil)));

        await app.RunDispatcherAsync();
        app.Transport.AttemptsTo(email).ShouldBeEmpty();

        // The other dispatcher died mid-send: once its lease is over the message is taken over and sent.
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.RunDispatcherAsync();
        app.Transport.SentTo(email).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_OutsideAJobAndWithoutSignIn_IsRefused()
    {
        await Should.ThrowAsync<UnauthenticatedException>(() => app.WithScopeAsync(async services =>
            await services.GetRequiredService<ISender>().Send(new DispatchOutboxRequest())));
    }

    private static string NewEmail() => $"outbox.{Guid.NewGuid():N}@test.example.org";

    /// <summary>What Hangfire does: a scope of its own, the job class, its one method.</summary>
    private Task<int> DispatchAsSystemAsync(int batchSize) =>
        app.WithScopeAsync(async services =>
        {
            services.GetRequiredService<SystemActor>().Activate();
            return await services.GetRequiredService<ISender>().Send(new DispatchOutboxRequest(batchSize));
        });

    private long EnqueuedDispatcherRuns() =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10_000)
            .Count(job => job.Value.Job?.Type == typeof(OutboxDispatcherJob));

    private Task AddMessagesAsync(params string[] recipients) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            foreach (var to in recipients)
                db.OutboxMessages.Add(OutboxMessage.Create("Test", $"test:{to}", to, null, "en", "Subject", "<p>Body</p>", "Body", now));
            await db.SaveChangesAsync();
        });

    private Task<OutboxMessage> MessageToAsync(string email) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == email));
}

public sealed class OutboxDispatcherTestsOnSqlite(SqliteOutboxApp app) : OutboxDispatcherTests<SqliteOutboxApp>(app);

public sealed class OutboxDispatcherTestsOnPostgreSql(PostgreSqlOutboxApp app) : OutboxDispatcherTests<PostgreSqlOutboxApp>(app);
