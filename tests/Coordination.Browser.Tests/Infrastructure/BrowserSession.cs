using Microsoft.Playwright;

namespace Coordination.Browser.Tests.Infrastructure;

/// <summary>A browser context of its own for one test, its page, and the errors the page wrote to the console.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _consoleErrors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        // CSP violations, failed scripts and uncaught exceptions all land here.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _consoleErrors.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => _consoleErrors.Add($"uncaught: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public static async Task<BrowserSession> CreateAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    public void ShouldHaveNoConsoleErrors() =>
        _consoleErrors.ShouldBeEmpty($"the browser console reported errors on {Page.Url}:\n{string.Join("\n", _consoleErrors)}");

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
