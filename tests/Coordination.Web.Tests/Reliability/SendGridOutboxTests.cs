using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Application.Common.Security;
using Coordination.Domain.Notifications;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Reliability;

/// <summary>
/// Issue 5's acceptance for the mail service: the outbox, the dispatcher and the real SendGrid client (pointed by
/// SendGrid:Host at a listener playing SendGrid), with the clock moved by the test.
/// </summary>
public abstract class SendGridOutboxTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : SendGridOutboxApp
{
    [Fact]
    public async Task Dispatch_ThroughSendGrid_PostsTheMailOnceWithSenderRecipientSubjectBodiesAndItsId()
    {
        var to = OutboxDriving.NewRecipient("sendgrid");
        var id = (await app.AddMessagesAsync(Now, to)).Single();

        await app.RunDispatcherAsync();
        await app.RunDispatcherAsync();

        var request = app.Listener.RequestsTo(to).ShouldHaveSingleItem();
        request.Authorization.ShouldBe($"Bearer {SendGridOutboxApp.ApiKey}");
        var body = request.Body;
        body.GetProperty("from").GetProperty("email").GetString().ShouldBe(SendGridOutboxApp.From);
        body.GetProperty("from").GetProperty("name").GetString().ShouldBe(SendGridOutboxApp.FromName);
        var personalization = body.GetProperty("personalizations").EnumerateArray().ShouldHaveSingleItem();
        var recipient = personalization.GetProperty("to").EnumerateArray().ShouldHaveSingleItem();
        recipient.GetProperty("email").GetString().ShouldBe(to);
        recipient.GetProperty("name").GetString().ShouldBe("José Pérez");
        Subject(body).ShouldBe("Recordatorio: informe de avance");
        var content = body.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString());
        content["text/plain"].ShouldBe("Su informe de avance vence pronto.");
        content["text/html"].ShouldBe("<p>Su informe de avance vence pronto.</p>");
        MessageIdOf(body).ShouldBe(id.ToString("N"));

        var row = await RowAsync(id);
        row.SentAt!.Value.ShouldBe(Now, TimeSpan.FromMilliseconds(1));
        row.Attempts.ShouldBe(0);
        row.ClaimedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task Dispatch_SendGridAnswers429Then500_IsRetriedWithBackOffAndSentExactlyOnce()
    {
        var to = OutboxDriving.NewRecipient("retry");
        app.Listener.Script(to, (HttpStatusCode.TooManyRequests, 120), (HttpStatusCode.InternalServerError, null));
        var id = (await app.AddMessagesAsync(Now, to)).Single();

        await app.RunDispatcherAsync();

        // 429 with Retry-After: 120 s, which is longer than the first back-off (30 s), so SendGrid's wish wins.
        var throttled = await RowAsync(id);
        throttled.Attempts.ShouldBe(1);
        throttled.SentAt.ShouldBeNull();
        throttled.FailedAt.ShouldBeNull();
        throttled.ClaimedUntil.ShouldBeNull();
        throttled.LastError!.ShouldStartWith("SendGrid answered 429");
        throttled.NextAttemptAt.ShouldBe(Now.AddSeconds(120), TimeSpan.FromMilliseconds(1));
        app.Clock.Advance(TimeSpan.FromSeconds(119));
        await app.RunDispatcherAsync();
        app.Listener.RequestsTo(to).Count.ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.RunDispatcherAsync();

        // 500: the second back-off, 60 s.
        var failing = await RowAsync(id);
        failing.Attempts.ShouldBe(2);
        failing.LastError!.ShouldStartWith("SendGrid answered 500");
        failing.NextAttemptAt.ShouldBe(Now.AddSeconds(60), TimeSpan.FromMilliseconds(1));
        app.Listener.RequestsTo(to).Count.ShouldBe(2);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.RunDispatcherAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.RunDispatcherAsync();

        var requests = app.Listener.RequestsTo(to);
        requests.Select(r => r.Answer).ShouldBe([HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError, HttpStatusCode.Accepted]);
        requests.ShouldAllBe(r => MessageIdOf(r.Body) == id.ToString("N"));
        var sent = await RowAsync(id);
        sent.SentAt.ShouldNotBeNull();
        sent.FailedAt.ShouldBeNull();
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task Dispatch_SendGridAnswers400_MarksTheMailFailedForGoodAndShowsItToTheSecretariat()
    {
        var to = OutboxDriving.NewRecipient("refused");
        app.Listener.Script(to, (HttpStatusCode.BadRequest, null));
        var id = (await app.AddMessagesAsync(Now, to)).Single();

        await app.RunDispatcherAsync();
        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.RunDispatcherAsync();

        app.Listener.RequestsTo(to).Count.ShouldBe(1);
        var row = await RowAsync(id);
        row.FailedAt.ShouldNotBeNull();
        row.SentAt.ShouldBeNull();
        row.Attempts.ShouldBe(1);

        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);
        var failed = await client.GetFromJsonAsync<JsonElement>("/api/outbox/failed?pageSize=200", HttpClientExtensions.Json);
        var item = failed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        item.GetProperty("to").GetString().ShouldBe(to);
        item.GetProperty("kind").GetString().ShouldBe("Reminder");
        item.GetProperty("subject").GetString().ShouldBe("Recordatorio: informe de avance");
        item.GetProperty("attempts").GetInt32().ShouldBe(1);
        item.GetProperty("lastError").GetString()!.ShouldContain("SendGrid answered 400");
        item.GetProperty("lastError").GetString()!.ShouldContain("answered 400 by the test");
        failed.GetProperty("page").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task FailedMails_OnlyForTheSecretariat()
    {
        (await app.CreateApiClient().GetAsync("/api/outbox/failed")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var person in new[] { TestPeople.FocalDom, TestPeople.Viewer })
        {
            using var client = app.CreateApiClient();
            await client.SignInWithTokenAsync(person);
            (await client.GetAsync("/api/outbox/failed")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, person);
        }
    }

    [Fact]
    public async Task FailedMails_PageSizeOverTheMaximum_Is400()
    {
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);

        var response = await client.GetAsync("/api/outbox/failed?pageSize=201");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>(HttpClientExtensions.Json))!.Errors!.Keys.ShouldContain("pageSize");
    }

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private Task<OutboxMessage> RowAsync(Guid id) => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>SendGrid puts the subject on the personalization or on the mail.</summary>
    private static string? Subject(JsonElement body) =>
        (body.GetProperty("personalizations")[0].TryGetProperty("subject", out var subject) ? subject : body.GetProperty("subject")).GetString();

    /// <summary>The outbox row's id travels as a custom argument, on the personalization or on the mail.</summary>
    private static string? MessageIdOf(JsonElement body)
    {
        var personalization = body.GetProperty("personalizations")[0];
        var args = personalization.TryGetProperty("custom_args", out var own) ? own : body.GetProperty("custom_args");
        return args.GetProperty("coordination_message_id").GetString();
    }
}

public sealed class SendGridOutboxTestsOnSqlite(SqliteSendGridOutboxApp app) : SendGridOutboxTests<SqliteSendGridOutboxApp>(app);

public sealed class SendGridOutboxTestsOnPostgreSql(PostgreSqlSendGridOutboxApp app) : SendGridOutboxTests<PostgreSqlSendGridOutboxApp>(app);
