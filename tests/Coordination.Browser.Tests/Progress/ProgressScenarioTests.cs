using System.Text.RegularExpressions;
using Coordination.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests.Progress;

/// <summary>
/// Issue 4's scenario, in a browser, as the people do it: a focal point reports on an overdue assignment from their
/// home page, the secretariat returns the update with a comment, the focal point revises it, the secretariat accepts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ProgressScenarioTests(BrowserApp app)
{
    [Fact]
    public async Task ProgressUpdate_SubmittedReturnedRevisedAccepted_ThroughThePages()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var narrative = $"The airports' entry and exit registers now record migration status (batch {marker}).";
        var comment = $"Please attach the regulation that made the field mandatory ({marker}).";
        var revision = $"Regulation 14-2026 attached ({marker}).";
        await using var focal = await app.OpenAsync();
        await using var secretariat = await app.OpenAsync();
        var fp = focal.Page;
        var sp = secretariat.Page;

        // The focal point prefers Spanish: the home page opens in Spanish until they switch.
        await fp.SignInAsync(DemoPeople.FocalDom);
        (await fp.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
        await fp.SwitchLanguageAsync("English");

        // RF22-04 is on their home page, overdue, with a one-click report link.
        var rf2204 = HomeItem(fp, "RF22-04");
        await rf2204.GetByText("Overdue", new() { Exact = true }).WaitForAsync();
        await rf2204.GetByRole(AriaRole.Link, new() { Name = "Report progress · RF22-04" }).ClickAsync();
        await fp.WaitForPathAsync(path => ReportPath().IsMatch(path));
        var assignmentId = ReportPath().Match(new Uri(fp.Url).AbsolutePath).Groups["id"].Value;
        (await fp.Heading().TextContentAsync())!.Trim().ShouldBe("Report progress");

        await fp.GetByLabel("In progress", new() { Exact = true }).CheckAsync();
        await fp.GetByLabel("Percent complete").FillAsync("80");
        await fp.GetByLabel("What was done").FillAsync(narrative);
        await fp.GetByLabel("Evidence link 1", new() { Exact = true }).FillAsync($"https://example.org/inm/registers/{marker}");
        await fp.GetByRole(AriaRole.Button, new() { Name = "Submit update", Exact = true }).ClickAsync();

        // Back home, where the report started, with the confirmation; the assignment now shows the update awaiting
        // validation and no second report link.
        await fp.WaitForPathAsync(path => path == "/");
        await fp.GetByText("Your update was submitted and awaits validation by the secretariat.").WaitForAsync();
        await fp.GotoAsync($"/assignments/{assignmentId}");
        await fp.GetByRole(AriaRole.Heading, new() { Name = "An update awaits validation" }).WaitForAsync();
        (await fp.GetByRole(AriaRole.Link, new() { Name = "Report progress", Exact = true }).CountAsync()).ShouldBe(0);
        (await fp.GetByText(narrative).CountAsync()).ShouldBe(1);

        // The secretariat returns it with a comment from the validation queue.
        await sp.SignInAsync(DemoPeople.Secretariat);
        await sp.GotoAsync("/validation");
        var queued = sp.GetByRole(AriaRole.Article).Filter(new() { HasText = narrative });
        await queued.GetByLabel("Comment for the focal point").FillAsync(comment);
        await queued.GetByRole(AriaRole.Button, new() { Name = "Return with comment" }).ClickAsync();
        await queued.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        new Uri(sp.Url).AbsolutePath.ShouldBe("/validation");

        // The focal point sees it returned on their home page, reads the comment, revises and resubmits.
        await fp.GotoAsync("/");
        rf2204 = HomeItem(fp, "RF22-04");
        await rf2204.GetByText("Returned", new() { Exact = true }).WaitForAsync();
        await rf2204.GetByRole(AriaRole.Link, new() { Name = "RF22-04 ·" }).ClickAsync();
        await fp.GetByRole(AriaRole.Heading, new() { Name = "The secretariat returned the last update" }).WaitForAsync();
        (await fp.Locator("blockquote").Filter(new() { HasText = comment }).CountAsync()).ShouldBeGreaterThan(0);
        await fp.GetByRole(AriaRole.Link, new() { Name = "Revise this update" }).ClickAsync();
        await fp.WaitForPathAsync(path => ReportPath().IsMatch(path));
        await fp.GetByText(comment).First.WaitForAsync();
        (await fp.GetByLabel("What was done").InputValueAsync()).ShouldBe(narrative);
        await fp.ShouldHaveNoSeriousViolationsAsync();

        await fp.GetByLabel("Percent complete").FillAsync("90");
        await fp.GetByLabel("What was done").FillAsync($"{narrative} {revision}");
        await fp.GetByRole(AriaRole.Button, new() { Name = "Submit update", Exact = true }).ClickAsync();
        await fp.WaitForPathAsync(path => path == $"/assignments/{assignmentId}");
        await fp.GetByRole(AriaRole.Heading, new() { Name = "An update awaits validation" }).WaitForAsync();

        // The secretariat sees the revision in the queue and accepts it.
        await sp.GotoAsync("/validation");
        var revised = sp.GetByRole(AriaRole.Article).Filter(new() { HasText = revision });
        await revised.GetByText("Revised update").WaitForAsync();
        await sp.ShouldHaveNoSeriousViolationsAsync();
        await revised.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await revised.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The accepted update is official: 90 %, no longer awaiting, the history keeps the returned one.
        await fp.ReloadAsync();
        (await fp.Locator(".official-percent").TextContentAsync())!.ShouldContain("90");
        (await fp.GetByRole(AriaRole.Heading, new() { Name = "An update awaits validation" }).CountAsync()).ShouldBe(0);
        (await fp.GetByText("Accepted by", new() { Exact = false }).CountAsync()).ShouldBeGreaterThan(0);
        (await fp.GetByText("Returned by", new() { Exact = false }).CountAsync()).ShouldBeGreaterThan(0);

        // The language switch turns the page into Spanish.
        await fp.SwitchLanguageAsync("Español");
        await fp.GetByRole(AriaRole.Heading, new() { Name = "Informes de avance", Exact = true }).WaitForAsync();
        await fp.GetByRole(AriaRole.Link, new() { Name = "Informar avance", Exact = true }).WaitForAsync();
        await fp.ShouldHaveNoSeriousViolationsAsync();

        focal.ShouldHaveNoConsoleErrors();
        secretariat.ShouldHaveNoConsoleErrors();
    }

    private static ILocator HomeItem(IPage page, string code) =>
        page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = $"{code} ·" }) });

    [GeneratedRegex("^/assignments/(?<id>[0-9a-f-]{36})/report$")]
    private static partial Regex ReportPath();
}
