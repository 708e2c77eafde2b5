using System.Collections.Concurrent;
using Coordination.Application.Common.Abstractions;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Web.Tests.Outbox;

/// <summary>The real app with a recording mail transport, a clock the test moves, and a configured public address.</summary>
public abstract class OutboxApp(DatabaseKind kind)
    : CoordinationApp(kind, settings: new Dictionary<string, string> { ["Coordination:PublicBaseUrl"] = PublicBaseUrl + "/" })
{
    public const string PublicBaseUrl = "https://coordination.example.org";

    public FakeEmailTransport Transport { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IEmailTransport>();
            services.AddSingleton<IEmailTransport>(Transport);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}

public sealed class SqliteOutboxApp() : OutboxApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlOutboxApp() : OutboxApp(DatabaseKind.PostgreSql);

/// <summary>
/// Records every attempt. Answers "sent" unless a test scripted other answers for a recipient (one per attempt, in
/// order), so tests sharing the app never disturb each other's mails.
/// </summary>
public sealed class FakeEmailTransport : IEmailTransport
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<EmailSendResult>>> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public sealed record Attempt(EmailMessage Message, EmailSendOutcome? Outcome);

    public void Script(string to, params Func<EmailSendResult>[] answers) =>
        _scripts[to] = new ConcurrentQueue<Func<EmailSendResult>>(answers);

    public IReadOnlyList<Attempt> AttemptsTo(string to) =>
        [.. _attempts.Where(a => string.Equals(a.Message.To, to, StringComparison.OrdinalIgnoreCase))];

    public IReadOnlyList<EmailMessage> SentTo(string to) =>
        [.. AttemptsTo(to).Where(a => a.Outcome == EmailSendOutcome.Sent).Select(a => a.Message)];

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        // A little latency, so that concurrent dispatchers really interleave.
        await Task.Delay(3, cancellationToken);
        var answer = _scripts.TryGetValue(message.To, out var script) && script.TryDequeue(out var next) ? next : () => EmailSendResult.Sent;
        try
        {
            var result = answer();
            _attempts.Enqueue(new Attempt(message, result.Outcome));
            return result;
        }
        catch
        {
            _attempts.Enqueue(new Attempt(message, null));
            throw;
        }
    }
}
