using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Pages.Forums;

/// <summary>What the forum and action-point page tests do as a person in a browser would.</summary>
internal static class PageSteps
{
    public const string DemoForumTitle = "Regional Forum on Statistics and Data on Migration";

    /// <summary>A browser signed in with a cookie, in the chosen language (the demo focal points prefer Spanish).</summary>
    public static async Task<HttpClient> BrowserAsync(this CoordinationApp app, string email, string language = "en", string password = TestPeople.DemoPassword)
    {
        var client = app.CreateBrowserlikeClient();
        (await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["culture"] = language }, "form[action='/language']"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SignInWithCookieAsync(email, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>
    /// Posts the page's form with its hidden fields (antiforgery token, version…) and the given fields; a name may repeat
    /// (checkboxes), and a given name replaces the hidden field of that name.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string url, IEnumerable<(string Name, string Value)> fields, string formSelector = "main form[method='post']")
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}: {page.QuerySelector("h1")?.TextContent}");
        var given = fields.ToList();
        var names = given.Select(f => f.Name).ToHashSet();
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is "hidden" && !names.Contains(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(given.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))
            .ToList();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : url;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts the fields to a form the person may not open, with their own antiforgery token (from the language switch of
    /// a page they can open), as a crafted request would.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithOwnTokenAsync(
        this HttpClient client, string url, Dictionary<string, string> fields, string pageWithToken = "/forums")
    {
        var token = (await client.GetDocumentAsync(pageWithToken))
            .QuerySelector<IHtmlInputElement>("form[action='/language'] input[name='__RequestVerificationToken']")!.Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    public static async Task<IDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>The message shown beside a field (<c>asp-validation-for</c>), or null.</summary>
    public static string? FieldError(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}'].field-validation-error")?.TextContent.Trim();

    public static string Notice(this IDocument page) => page.QuerySelector("main .alert-success")?.TextContent.Trim() ?? "";

    public static Task<Guid> DemoForumIdAsync(this CoordinationApp app) =>
        app.WithDbAsync(db => db.Forums.Where(f => f.Title == DemoForumTitle).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());

    public static Task<Guid> ActionPointIdAsync(this CoordinationApp app, Guid forumId, string code) =>
        app.WithDbAsync(db => db.ActionPoints.Where(a => a.ForumId == forumId && a.Code == code).Select(a => a.Id).SingleAsync());

    public static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
