using Coordination.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Coordination.Browser.Tests.Calendar;

[Collection(BrowserCollection.Name)]
public sealed class CalendarPageTests(BrowserApp app)
{
    [Fact]
    public async Task CopyTheAddress_FocalPoint_PutsTheFeedAddressOnTheClipboardAndSaysSo()
    {
        await using var session = await app.OpenAsync();
        await session.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = session.Page;
        await page.SignInAsync(DemoPeople.FocalMex);
        await page.GotoAsync("/calendar");

        // focal.mex prefers Spanish: the page is in Spanish once signed in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Copiar la dirección" }).ClickAsync();

        await page.GetByRole(AriaRole.Status).GetByText("La dirección está copiada.").WaitForAsync();
        var address = await page.Locator("#calendar-url").InputValueAsync();
        address.ShouldContain("/calendar/");
        address.ShouldContain(".ics?token=");
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(address);
        session.ShouldHaveNoConsoleErrors();
    }
}
