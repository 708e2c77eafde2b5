using Microsoft.Playwright;

namespace Coordination.Browser.Tests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Signs in through the sign-in form, as a person would, and waits to leave the sign-in page.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = DemoPeople.Password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForPathAsync(path => !path.StartsWith("/account/sign-in", StringComparison.Ordinal));
        await page.Locator("form[action='/account/sign-out']").WaitForAsync();
    }

    /// <summary>
    /// Waits until the page's address has a path that matches. It watches the address rather than calling
    /// WaitForURLAsync, whose wait for the load event once missed the event on a busy CI machine (15 s timeout after
    /// "networkidle" had fired); what a test needs next from the page, its locators wait for.
    /// </summary>
    public static async Task WaitForPathAsync(this IPage page, Func<string, bool> matches, int timeoutMs = 15_000)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!matches(new Uri(page.Url).AbsolutePath))
        {
            if (waited.ElapsedMilliseconds > timeoutMs)
                throw new TimeoutException($"The page stayed at {page.Url} for {timeoutMs} ms.");
            await Task.Delay(50);
        }
    }

    /// <summary>The language switch in the top bar (its buttons are named in their own language).</summary>
    public static async Task SwitchLanguageAsync(this IPage page, string language)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = language, Exact = true }).ClickAsync();
        // The switch posts and comes back to the same address: wait for the page in the new language.
        await page.Locator($"html[lang='{(language == "Español" ? "es" : "en")}']").WaitForAsync();
    }

    /// <summary>The answer is the app's error page (HTML in the person's language) with this status and heading.</summary>
    public static async Task ShouldBeTheErrorPageAsync(this IPage page, IResponse? response, int status, string heading)
    {
        response.ShouldNotBeNull();
        response.Status.ShouldBe(status, $"{page.Url} answered {response.Status}");
        var type = await response.HeaderValueAsync("content-type") ?? "";
        // A person must never see raw problem details: they are for API callers.
        type.ShouldStartWith("text/html", Case.Insensitive, $"{page.Url} answered {status} with {type} instead of the error page: {await response.TextAsync()}");
        (await page.Heading().TextContentAsync())!.Trim().ShouldBe(heading);
    }

    public static ILocator Heading(this IPage page, int level = 1) =>
        page.GetByRole(AriaRole.Heading, new() { Level = level });
}
