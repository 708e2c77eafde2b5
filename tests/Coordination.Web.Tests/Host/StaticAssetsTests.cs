using System.IO.Compression;
using System.Net;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Coordination.Web.Tests.Host;

/// <summary>
/// People on slow connections: the pages' stylesheets and scripts travel compressed when the browser accepts it. The build
/// makes the gzip copies (a published app carries them in wwwroot); this app is given the build's copies as a published
/// one would have them.
/// </summary>
public sealed class StaticAssetsTests(StaticAssetsTests.AppWithBuiltAssets app) : IClassFixture<StaticAssetsTests.AppWithBuiltAssets>
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

    public sealed class AppWithBuiltAssets() : CoordinationApp(DatabaseKind.Sqlite, demoData: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseStaticWebAssets(); // the build's manifest of wwwroot and its compressed copies
        }
    }
}
