using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Coordination.Infrastructure.Identity;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Web.Tests.Pages.Account;

/// <summary>What the account and people page tests share: their own people, mails read from the outbox, forms posted by hand.</summary>
public static partial class AccountTestSupport
{
    public static async Task<ApplicationUser> CreatePersonAsync(this CoordinationApp app, string role, string organizationAcronym, string language)
    {
        var person = await app.CreatePersonAsync(role, await app.OrganizationIdAsync(organizationAcronym));
        if (language == "en")
            return person;
        var updated = await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(person.Id.ToString()))!;
            user.PreferredLanguage = language;
            return (await users.UpdateAsync(user)).Succeeded;
        });
        updated.ShouldBeTrue();
        person.PreferredLanguage = language;
        return person;
    }

    public static async Task<HttpClient> SignedInAsync(this CoordinationApp app, string email, string password = TestPeople.Password)
    {
        var client = app.CreateBrowserlikeClient();
        var response = await client.SignInWithCookieAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    public static Task<HttpClient> SignedInAsync(this CoordinationApp app, ApplicationUser person) => app.SignedInAsync(person.Email!);

    /// <summary>
    /// Posts to <paramref name="url"/> with an antiforgery token taken from another page's form: for refusals, where
    /// the page refused has no form to take it from.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenFromAsync(
        this HttpClient client, string tokenPage, string url, IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = await client.GetDocumentAsync(tokenPage);
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static Task<Domain.Notifications.OutboxMessage?> LastMailToAsync(this CoordinationApp app, string to, string kind) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.To == to && m.Kind == kind)
            .OrderByDescending(m => m.CreatedAt)
            .FirstOrDefaultAsync());

    /// <summary>The link in a mail's text that starts with <paramref name="path"/>, e.g. <c>/account/reset-password</c>.</summary>
    public static string LinkIn(string mailText, string path)
    {
        var match = Regex.Match(mailText, "https?://localhost(" + Regex.Escape(path) + @"\?[^\s]+)");
        match.Success.ShouldBeTrue(mailText);
        return match.Groups[1].Value;
    }

    public static async Task<bool> CanSignInThroughApiAsync(this CoordinationApp app, string email, string password)
    {
        using var client = app.CreateApiClient();
        return (await client.LoginAsync(email, password)).StatusCode == HttpStatusCode.OK;
    }

    public static string ErrorFor(this IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    public static string Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";

    public static IReadOnlyDictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);
}
