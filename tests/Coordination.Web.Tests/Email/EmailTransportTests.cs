using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Coordination.Application.Common.Abstractions;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Email;

public sealed class PickupFolderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Send_WithoutSendGridKey_WritesAnEmlFileIntoTheDataDirectory()
    {
        var transport = app.Services.GetRequiredService<IEmailTransport>();

        var result = await transport.SendAsync(
            new EmailMessage("focal.dom@example.org", "José Pérez", "Próximo plazo: informe de avance", "<p>Hola</p>", "Hola")
            { MessageId = "reminder-1" },
            CancellationToken.None);

        result.Outcome.ShouldBe(EmailSendOutcome.Sent);
        var file = Directory.GetFiles(Path.Combine(app.Database.DataDirectory, "mail"), "*.eml").ShouldHaveSingleItem();
        var eml = await File.ReadAllTextAsync(file);
        eml.ShouldContain("To: =?utf-8?B?");
        eml.ShouldContain("<focal.dom@example.org>");
        eml.ShouldContain("Subject: =?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Próximo plazo: informe de avance")) + "?=");
        eml.ShouldContain("Message-ID: <reminder-1@coordination>");
        eml.ShouldContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>Hola</p>")));
    }
}

/// <summary>The real SendGrid client, pointed by SendGrid:Host at a listener on loopback that plays SendGrid's part.</summary>
public sealed class SendGridTransportTests : IAsyncLifetime
{
    private readonly HttpListener _listener = new();
    private readonly Queue<HttpStatusCode> _answers = new();
    private readonly List<(string Authorization, JsonDocument Body)> _requests = [];
    private CoordinationApp? _app;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
        _app = new CoordinationApp(DatabaseKind.Sqlite, demoData: false, new Dictionary<string, string>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = $"http://127.0.0.1:{port}",
            ["Email:From"] = "secretariat@forum.example.org",
        });
        await _app.InitializeAsync();
    }

    [Fact]
    public async Task Send_Accepted_PostsTheMailToSendGridWithTheKey()
    {
        _answers.Enqueue(HttpStatusCode.Accepted);

        var result = await SendAsync();

        result.Outcome.ShouldBe(EmailSendOutcome.Sent);
        var (authorization, body) = _requests.ShouldHaveSingleItem();
        authorization.ShouldBe("Bearer SG.test-key");
        body.RootElement.GetProperty("from").GetProperty("email").GetString().ShouldBe("secretariat@forum.example.org");
        body.RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString().ShouldBe("focal.mex@example.org");
        var personalization = body.RootElement.GetProperty("personalizations")[0];
        (personalization.TryGetProperty("subject", out var subject) ? subject : body.RootElement.GetProperty("subject"))
            .GetString().ShouldBe("Reminder");
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, EmailSendOutcome.TransientFailure)]
    [InlineData(HttpStatusCode.InternalServerError, EmailSendOutcome.TransientFailure)]
    [InlineData(HttpStatusCode.BadRequest, EmailSendOutcome.PermanentFailure)]
    [InlineData(HttpStatusCode.Forbidden, EmailSendOutcome.PermanentFailure)]
    public async Task Send_Refused_SaysWhetherTryingAgainCanHelp(HttpStatusCode answer, EmailSendOutcome outcome)
    {
        _answers.Enqueue(answer);

        var result = await SendAsync();

        result.Outcome.ShouldBe(outcome);
        result.Detail!.ShouldContain(((int)answer).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task<EmailSendResult> SendAsync() =>
        _app!.Services.GetRequiredService<IEmailTransport>().SendAsync(
            new EmailMessage("focal.mex@example.org", null, "Reminder", "<p>Report due</p>", "Report due"), CancellationToken.None);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            lock (_requests)
                _requests.Add((context.Request.Headers["Authorization"] ?? "", JsonDocument.Parse(body)));
            context.Response.StatusCode = (int)(_answers.TryDequeue(out var status) ? status : HttpStatusCode.Accepted);
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(context.Response.StatusCode == 202 ? "" : """{"errors":[{"message":"refused"}]}"""));
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        _listener.Close();
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
