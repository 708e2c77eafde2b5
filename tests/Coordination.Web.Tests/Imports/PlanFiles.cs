using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Coordination.Application.Imports;
using Coordination.Domain.Forums;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Imports;

/// <summary>Builds plan files and sends them to the import route.</summary>
internal static class PlanFiles
{
    /// <summary>Nine active organizations of the demo data, with their countries.</summary>
    public static readonly (string Acronym, string Country)[] Nine =
    [
        ("INM", "DOM"), ("ONE", "DOM"), ("MIG-MEX", "MEX"), ("NSO-MEX", "MEX"), ("MIG-BLZ", "BLZ"), ("NSO-BLZ", "BLZ"),
        ("MIG-GTM", "GTM"), ("NSO-GTM", "GTM"), ("MIG-SLV", "SLV"),
    ];

    /// <summary>A valid row: conclusion <paramref name="conclusion"/>, action point <paramref name="code"/>, optionally assigned.</summary>
    public static PlanRow Row(int conclusion, string code, string? organization = null, string? country = null, string role = "Lead", Action<string[]>? edit = null)
    {
        string[] cells =
        [
            conclusion.ToString(CultureInfo.InvariantCulture), $"Conclusion {conclusion}: share migration data.", "Data exchange", "1;17", "10.7",
            code, $"Publish the {code} inventory", "", "High", "2026-01-15", "2026-12-31", "", "", "",
            organization ?? "", country ?? "", organization is null ? "" : role, "",
        ];
        edit?.Invoke(cells);
        return new PlanRow(0, cells);
    }

    /// <summary><paramref name="actionPoints"/> action points over conclusions of 10, each assigned to the nine organizations.</summary>
    public static List<PlanRow> Large(int actionPoints, string prefix) =>
    [
        .. Enumerable.Range(1, actionPoints).SelectMany(i => Nine.Select((o, n) => Row(
            1 + ((i - 1) / 10), $"{prefix}-{i:0000}", o.Acronym, o.Country, n == 0 ? "Lead" : "Supporting",
            cells => cells[PlanFormat.IndicatorTarget.Index] = "9"))),
    ];

    public static byte[] Csv(IEnumerable<PlanRow> rows) => PlanFileWriter.WriteCsv(rows);

    /// <summary>A CSV written by hand, lines joined with CRLF, UTF-8 without BOM.</summary>
    public static byte[] Text(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, Guid forumId, byte[] content, bool? dryRun = null, string fileName = "plan.csv")
    {
        var url = $"/api/imports/action-points?forumId={forumId}" + (dryRun is { } d ? $"&dryRun={d.ToString().ToLowerInvariant()}" : "");
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return client.PostAsync(url, form);
    }

    public static async Task<ImportReport> ImportAsync(this HttpClient client, Guid forumId, byte[] content, bool dryRun = false, string fileName = "plan.csv")
    {
        var response = await client.UploadAsync(forumId, content, dryRun, fileName);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportReport>(HttpClientExtensions.Json))!;
    }

    public static Task<Guid> CreateForumAsync(this CoordinationApp app) =>
        app.WithDbAsync(async db =>
        {
            var forum = Forum.Create($"Import forum {Guid.NewGuid():N}", "Panama City", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3), null, false, []);
            db.Forums.Add(forum);
            await db.SaveChangesAsync();
            return forum.Id;
        });

    /// <summary>The commit refused: problem details with the report's errors.</summary>
    public sealed record Refused(string Title, int Status, Dictionary<string, string[]> Errors, ImportReport Report);
}
