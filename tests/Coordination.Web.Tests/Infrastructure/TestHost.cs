using System.Collections.Concurrent;
using Coordination.Application.Common.Abstractions;
using Coordination.Infrastructure.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Web.Tests.Infrastructure;

/// <summary>
/// The real app for the tests of jobs and mails: a clock the test moves (every <see cref="TimeProvider"/> of the app
/// is this one), a configured public address for the links in mails, and, in <see cref="TestHost{TTransport}"/>, a
/// mail service of the test's.
/// </summary>
public abstract class TestHost(DatabaseKind kind, bool demoData, IReadOnlyDictionary<string, string>? settings = null)
    : CoordinationApp(kind, demoData, WithPublicBaseUrl(settings))
{
    public const string PublicBaseUrl = "https://coordination.example.org";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The clock's day in UTC.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>The mail service the app sends through; null keeps the app's own (SendGrid or the pickup folder).</summary>
    protected virtual IEmailTransport? EmailTransport => null;

    /// <summary>Moves the clock to that day and time (UTC). Tests sharing a host only ever move it forward.</summary>
    public void MoveTo(DateOnly day, int hour, int minute = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (EmailTransport is { } transport)
            {
                services.RemoveAll<IEmailTransport>();
                services.AddSingleton(transport);
            }
        });
    }

    private static Dictionary<string, string> WithPublicBaseUrl(IReadOnlyDictionary<string, string>? settings)
    {
        var all = new Dictionary<string, string> { ["Coordination:PublicBaseUrl"] = PublicBaseUrl };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        return all;
    }
}

/// <summary>The test host whose mails go to a recording <typeparamref name="TTransport"/> instead of a mail service.</summary>
public abstract class TestHost<TTransport>(DatabaseKind kind, bool demoData, IReadOnlyDictionary<string, string>? settings = null)
    : TestHost(kind, demoData, settings)
    where TTransport : class, IEmailTransport, new()
{
    public TTransport Transport { get; } = new();

    protected override IEmailTransport EmailTransport => Transport;
}

/// <summary>What Hangfire does with a recurring job, for any app: a scope of its own, the job class, its one method.</summary>
public static class TestJobs
{
    public static Task RunJobAsync<TJob>(this CoordinationApp app, Func<TJob, Task> run)
        where TJob : class =>
        app.WithScopeAsync<object?>(async services =>
        {
            await run(ActivatorUtilities.CreateInstance<TJob>(services));
            return null;
        });

    public static Task RunDispatcherAsync(this CoordinationApp app) =>
        app.RunJobAsync<OutboxDispatcherJob>(job => job.RunAsync(CancellationToken.None));

    public static Task RunReviewCyclesAdvanceAsync(this CoordinationApp app) =>
        app.RunJobAsync<ReviewCyclesAdvanceJob>(job => job.RunAsync(CancellationToken.None));

    public static Task RunRemindersAsync(this CoordinationApp app) =>
        app.RunJobAsync<ReviewRemindersJob>(job => job.RunAsync(CancellationToken.None));

    public static Task RunOverdueNoticesAsync(this CoordinationApp app) =>
        app.RunJobAsync<OverdueNoticesJob>(job => job.RunAsync(CancellationToken.None));

    public static Task RunDigestAsync(this CoordinationApp app) =>
        app.RunJobAsync<WeeklyDigestJob>(job => job.RunAsync(CancellationToken.None));
}

/// <summary>
/// Records every attempt. Answers "sent" unless a test scripted other answers for a recipient (one per attempt, in
/// order), so tests sharing the app never disturb each other's mails.
/// </summary>
public sealed class FakeEmailTransport : IEmailTransport
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<EmailSendResult>>> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public sealed record Attempt(EmailMessage Message, EmailSendOutcome? Outcome);

    /// <summary>Every mail the service accepted, in order.</summary>
    public IReadOnlyList<EmailMessage> Sent => [.. _attempts.Where(a => a.Outcome == EmailSendOutcome.Sent).Select(a => a.Message)];

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
