using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Notifications;
using Coordination.Domain.Notifications;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Reliability;

/// <summary>What the reliability tests do with an app: write outbox rows, run the dispatcher as its job does.</summary>
public static class OutboxDriving
{
    public static string NewRecipient(string tag) => $"{tag}.{Guid.NewGuid():N}@reliability.example.org";

    /// <summary>Outbox rows as a command writes them, due at <paramref name="now"/>; returns their ids in order.</summary>
    public static Task<List<Guid>> AddMessagesAsync(this CoordinationApp app, DateTime now, params string[] recipients) =>
        app.WithDbAsync(async db =>
        {
            var messages = recipients
                .Select(to => OutboxMessage.Create(
                    "Reminder", $"reliability:{to}", to, "José Pérez", "es", "Recordatorio: informe de avance",
                    "<p>Su informe de avance vence pronto.</p>", "Su informe de avance vence pronto.", now))
                .ToList();
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToList();
        });

    /// <summary>One dispatcher as the job runs it, with a stop signal the test controls (the host shutting down).</summary>
    public static Task<int> DispatchAsync(this CoordinationApp app, int batchSize, CancellationToken stop) =>
        app.WithScopeAsync(async services =>
        {
            services.GetRequiredService<SystemActor>().Activate();
            return await services.GetRequiredService<ISender>().Send(new DispatchOutboxRequest(batchSize), stop);
        });
}

/// <summary>
/// A mail service that counts what it accepted by message id, for one or several hosts at once. A test may put a hook
/// before each answer (to stop the dispatcher, throw, or script a failure); without one every mail is accepted.
/// </summary>
public sealed class CountingTransport : IEmailTransport
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    public sealed record Delivery(string MessageId, string To, string Host);

    /// <summary>Runs before the answer; returns another answer than "sent", or throws, or null to accept.</summary>
    public Func<EmailMessage, EmailSendResult?>? Hook { get; set; }

    /// <summary>Awaited before each answer, with the sending host's name: lets a test hold senders until others join.</summary>
    public Func<EmailMessage, string, Task>? Gate { get; set; }

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(3);

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    public int DeliveriesOf(Guid messageId) => _deliveries.Count(d => d.MessageId == messageId.ToString("N"));

    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) => SendAsync(message, "host", cancellationToken);

    public async Task<EmailSendResult> SendAsync(EmailMessage message, string host, CancellationToken cancellationToken)
    {
        await Task.Delay(Latency, cancellationToken);
        if (Gate is { } gate)
            await gate(message, host);
        var answer = Hook?.Invoke(message);
        if (answer is not null)
            return answer;
        _deliveries.Enqueue(new Delivery(message.MessageId ?? "", message.To, host));
        return EmailSendResult.Sent;
    }

    /// <summary>The transport as one host sees it: the same service, with the host's name on what it delivers.</summary>
    public IEmailTransport For(string host) => new HostView(this, host);

    private sealed class HostView(CountingTransport inner, string host) : IEmailTransport
    {
        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            inner.SendAsync(message, host, cancellationToken);
    }
}

/// <summary>The real app with a counting mail service and a clock the test moves.</summary>
public abstract class CountingOutboxApp(DatabaseKind kind) : TestHost<CountingTransport>(kind, demoData: true);

public sealed class SqliteCountingOutboxApp() : CountingOutboxApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlCountingOutboxApp() : CountingOutboxApp(DatabaseKind.PostgreSql);

/// <summary>
/// Plays SendGrid's v3 API on a loopback port: records every request (by recipient) and answers as scripted per
/// recipient — a status and optionally a Retry-After — or 202 Accepted.
/// </summary>
public sealed class SendGridListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(HttpStatusCode Status, int? RetryAfterSeconds)>> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<Request> _requests = new();

    public sealed record Request(string Authorization, JsonElement Body, string To, HttpStatusCode Answer);

    public SendGridListener()
    {
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}";
        }

        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public void Script(string to, params (HttpStatusCode Status, int? RetryAfterSeconds)[] answers) =>
        _scripts[to] = new ConcurrentQueue<(HttpStatusCode, int?)>(answers);

    public IReadOnlyList<Request> RequestsTo(string to) =>
        [.. _requests.Where(r => string.Equals(r.To, to, StringComparison.OrdinalIgnoreCase))];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
            var to = body.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString() ?? "";
            var (status, retryAfter) = _scripts.TryGetValue(to, out var script) && script.TryDequeue(out var next)
                ? next
                : (HttpStatusCode.Accepted, null);
            _requests.Enqueue(new Request(context.Request.Headers["Authorization"] ?? "", body, to, status));

            context.Response.StatusCode = (int)status;
            if (retryAfter is { } seconds)
                context.Response.AddHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (status != HttpStatusCode.Accepted)
            {
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(
                    $$"""{"errors":[{"message":"answered {{(int)status}} by the test","field":null}]}"""));
            }

            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

/// <summary>The real app with the real SendGrid client pointed at <see cref="SendGridListener"/>, and a clock the test moves.</summary>
public abstract class SendGridOutboxApp : TestHost
{
    public const string From = "secretariat@forum.example.org";
    public const string FromName = "Regional forum secretariat";
    public const string ApiKey = "SG.reliability-test-key";

    protected SendGridOutboxApp(DatabaseKind kind)
        : this(kind, new SendGridListener())
    {
    }

    private SendGridOutboxApp(DatabaseKind kind, SendGridListener listener)
        : base(kind, demoData: true, new Dictionary<string, string>
        {
            ["SendGrid:ApiKey"] = ApiKey,
            ["SendGrid:Host"] = listener.Url,
            ["Email:From"] = From,
            ["Email:FromName"] = FromName,
        })
    {
        Listener = listener;
    }

    public SendGridListener Listener { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Listener.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSendGridOutboxApp() : SendGridOutboxApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlSendGridOutboxApp() : SendGridOutboxApp(DatabaseKind.PostgreSql);
