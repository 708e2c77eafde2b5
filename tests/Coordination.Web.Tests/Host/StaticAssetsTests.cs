using System.IO.Compression;
using System.Net;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Host;

/// <summary>
/// People on slow connections: the pages' stylesheets and scripts travel compressed when the browser accepts it. The build
/// makes the gzip copies (a publish puts them in wwwroot); the app under test runs from the build, as <c>dotnet run</c> does.
/// </summary>
public sealed class StaticAssetsTests(SqliteAppWithoutDemoData app) : IClassFixture<SqliteAppWithoutDemoData>
{
    [Fact]
    public async Task StylesheetsAndScripts_AskedForGzip_ComeCompressedAndWhole()
    {
        using var client = app.CreateBrowserlikeClient();
        var page = await client.GetDocumentAsync("/account/sign-in");
        var assets = page.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        assets.Count.ShouldBeGreaterThanOrEqualTo(2);

        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            using var response = await client.SendAsync(request);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            response.Content.Headers.ContentEncoding.ShouldContain("gzip", asset);
            // A stylesheet or script without its type is ignored by the browser (nosniff).
            response.Content.Headers.ContentType?.MediaType.ShouldBe(asset.Contains(".css") ? "text/css" : "text/javascript", asset);
            await using var unzipped = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            using var body = new MemoryStream();
            await unzipped.CopyToAsync(body);
            var file = Repository.PathOf("src", "Coordination.Web", "wwwroot", new Uri(client.BaseAddress!, asset).AbsolutePath.TrimStart('/'));
            body.ToArray().ShouldBe(await File.ReadAllBytesAsync(file), asset);
        }
    }

    [Fact]
    public async Task Stylesheet_WithoutGzip_ComesPlain()
    {
        using var client = app.CreateBrowserlikeClient();
        using var response = await client.GetAsync("/css/site.css");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(await File.ReadAllBytesAsync(Repository.PathOf("src", "Coordination.Web", "wwwroot", "css", "site.css")));
    }
}
