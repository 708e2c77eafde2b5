using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests.Infrastructure;

/// <summary>
/// The real app (its Program, migrations, pipeline and demo data) on Kestrel at a free loopback port, over HTTPS with a
/// throwaway self-signed certificate, in the "Testing" environment: the sign-in and antiforgery cookies are the
/// production ones (<c>__Host-</c>, Secure), so the browser sees exactly what a person sees. One Playwright driver and
/// one Debian Chromium serve the whole run; each test opens its own browser context (<see cref="OpenAsync"/>).
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coordination-browser-tests", Guid.NewGuid().ToString("N"));
    private X509Certificate2? _certificate;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _baseAddress;

    /// <summary>The app's address, e.g. https://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The app is not started yet.");

    public async Task InitializeAsync()
    {
        // CI must run these tests: a missing browser is a failure with the fix in its message, never a skip.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: the browser tests drive Debian's Chromium. Install it with `apt-get install chromium` "
                + "(./test.sh does that when it is absent); Playwright must not download a browser of its own.");
        }

        Directory.CreateDirectory(_dataDirectory);
        _certificate = CreateCertificate();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
        StartServer(); // migrations and demo data run now, not in the first test
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Coordination:DataDirectory", _dataDirectory);
        builder.UseSetting("Coordination:DemoData", "true");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Coordination", "");
        builder.UseSetting("Hangfire:ServerEnabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>A fresh browser context (no cookies, English browser) and a page in it that records console errors.</summary>
    /// <param name="phone">A phone's screen (390 × 844, touch) instead of a laptop's.</param>
    public async Task<BrowserSession> OpenAsync(bool phone = false)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser is not started yet.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            IgnoreHTTPSErrors = true, // the throwaway certificate is self-signed
            Locale = "en-US",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        // Short waits: a page that does not answer in 10 s is a failure to report, not to wait for.
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return await BrowserSession.CreateAsync(context);
    }

    /// <summary>Runs something against the app's services (e.g. to look up an id the pages do not show).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        _certificate?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in the temp directory behind.
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Round-trip through PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}

/// <summary>One browser for every test class: they share the app and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
