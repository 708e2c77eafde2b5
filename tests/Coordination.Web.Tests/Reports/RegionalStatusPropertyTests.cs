using System.Globalization;
using Coordination.Domain.ActionPoints;
using Coordination.Web.Tests.Infrastructure;

namespace Coordination.Web.Tests.Reports;

/// <summary>
/// Property-style: for random data sets (each in a fresh forum), every figure of the report — overall and every
/// breakdown, unfiltered and under each kind of filter — equals the figure computed here from the data the test made;
/// the CSV and the XLSX, read back, say the same as the JSON.
/// </summary>
public abstract class RegionalStatusPropertyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CoordinationApp
{
    private static readonly Dictionary<string, string> SheetOf = new()
    {
        ["byCountry"] = "By country",
        ["byOrganization"] = "By organization",
        ["byTheme"] = "By theme",
        ["byGcmObjective"] = "By GCM objective",
        ["bySdgTarget"] = "By SDG target",
    };

    [Theory]
    [InlineData(2022, true)]
    [InlineData(2023, false)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(99, true)]
    public async Task RegionalStatus_ForARandomDataSet_EveryFigureEqualsTheDataInJsonCsvAndXlsx(int seed, bool requiresValidation)
    {
        var data = await ReportDataSet.CreateAsync(app, seed, requiresValidation);
        using var client = app.CreateApiClient();
        await client.SignInWithTokenAsync(TestPeople.Secretariat);

        foreach (var (query, selected) in Filters(data, new Random(seed)))
        {
            var url = $"forumId={data.ForumId}{query}";
            var status = await ReportFiles.ReadJsonAsync<RegionalStatusResponse>(await client.GetAsync($"/api/reports/regional-status?{url}"));
            var today = status.AsOf;
            (DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - today.DayNumber).ShouldBeInRange(0, 1, "as of the forum's day (UTC without a schedule)");

            // JSON against the data.
            Figures.Of(status.Overall).ShouldBe(ReportDataSet.Expected(selected, today), $"overall, {query}");
            var json = status.Breakdowns()
                .SelectMany(b => b.Items.Select(i => (Key: (b.Breakdown, i.Key), Value: (i.Label, Figures.Of(i)))))
                .ToDictionary(x => x.Key, x => x.Value);
            var expected = data.ExpectedBreakdowns(selected, today);
            json.Keys.ShouldBe(expected.Keys, ignoreOrder: true, $"breakdown items, {query}");
            foreach (var (key, value) in expected)
                json[key].ShouldBe(value, $"{key}, {query}");
            status.ByGcmObjective.Select(i => int.Parse(i.Key, CultureInfo.InvariantCulture)).ShouldBeInOrder();

            // CSV against the JSON.
            var csv = ReportFiles.CsvFigures(await BytesAsync(client, $"/api/reports/regional-status.csv?{url}", "text/csv"));
            csv[("overall", "")].Figures.ShouldBe(Figures.Of(status.Overall));
            csv.Count.ShouldBe(json.Count + 1);
            foreach (var (key, value) in json)
                csv[key].ShouldBe(value, $"CSV {key}, {query}");

            // XLSX against the JSON.
            var workbook = await BytesAsync(client, $"/api/reports/regional-status.xlsx?{url}", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            var summary = ReportFiles.Sheet(workbook, "Summary").ToDictionary(r => (string)r["Field"]!, r => r["Value"]);
            Figures.Of(
                    ReportFiles.Int(summary["Assignments"]),
                    Enum.GetNames<AssignmentStatus>().ToDictionary(s => s, s => ReportFiles.Int(summary[s])),
                    Convert.ToDouble(summary["Percent complete"], CultureInfo.InvariantCulture),
                    ReportFiles.Int(summary["Overdue"]),
                    ReportFiles.Int(summary["At risk"]))
                .ShouldBe(Figures.Of(status.Overall), $"XLSX summary, {query}");
            summary["As of"].ShouldBe(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var (breakdown, items) in status.Breakdowns())
            {
                var sheet = ReportFiles.Sheet(workbook, SheetOf[breakdown]).ToDictionary(r => Convert.ToString(r["Key"], CultureInfo.InvariantCulture)!);
                sheet.Keys.ShouldBe(items.Select(i => i.Key), ignoreOrder: true, $"XLSX {breakdown}, {query}");
                foreach (var item in items)
                {
                    ReportFiles.SheetFigures(sheet[item.Key]).ShouldBe(Figures.Of(item), $"XLSX {breakdown} {item.Key}, {query}");
                    sheet[item.Key]["Label"].ShouldBe(item.Label);
                }
            }

            ReportFiles.Sheet(workbook, "Assignments").Count.ShouldBe(selected.Count);
            ReportFiles.Sheet(workbook, "Updates").Count.ShouldBe(selected.Sum(a => a.AcceptedUpdates), "accepted updates only");
        }
    }

    /// <summary>No filter, then one of each kind picked from the data, with the assignments each selects.</summary>
    private static IEnumerable<(string Query, List<ReportDataSet.Asg> Selected)> Filters(ReportDataSet data, Random random)
    {
        var all = data.Assignments;
        yield return ("", all);

        var country = all.Select(a => a.Organization.Country).OfType<string>().OrderBy(c => c).ElementAt(random.Next(all.Count(a => a.Organization.Country is not null)));
        yield return ($"&countryCode={country.ToLowerInvariant()}", all.Where(a => a.Organization.Country == country).ToList());

        var kind = all[random.Next(all.Count)].Organization.Kind;
        yield return ($"&organizationKind={kind}", all.Where(a => a.Organization.Kind == kind).ToList());

        var theme = data.ConclusionOf(all[random.Next(all.Count)]).Theme;
        yield return ($"&theme={Uri.EscapeDataString(theme.ToUpperInvariant())}", all.Where(a => data.ConclusionOf(a).Theme == theme).ToList());

        var objectives = data.Conclusions.SelectMany(c => c.Gcm).Distinct().Order().ToList();
        var objective = objectives.Count == 0 ? 23 : objectives[random.Next(objectives.Count)];
        yield return ($"&gcmObjective={objective}", all.Where(a => data.ConclusionOf(a).Gcm.Contains(objective)).ToList());

        var targets = data.Conclusions.SelectMany(c => c.Sdg).Distinct().Order(StringComparer.Ordinal).ToList();
        var target = targets.Count == 0 ? "10.7" : targets[random.Next(targets.Count)];
        yield return ($"&sdgTarget={target}&organizationKind=MemberStateInstitution",
            all.Where(a => data.ConclusionOf(a).Sdg.Contains(target) && a.Organization.Kind == Coordination.Domain.Organizations.OrganizationKind.MemberStateInstitution).ToList());
    }

    private static async Task<byte[]> BytesAsync(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        (disposition.FileNameStar ?? disposition.FileName!.Trim('"')).ShouldStartWith("regional-status-property-forum-");
        return await response.Content.ReadAsByteArrayAsync();
    }
}

public sealed class RegionalStatusPropertyTestsOnSqlite(SqliteApp app) : RegionalStatusPropertyTests<SqliteApp>(app);

public sealed class RegionalStatusPropertyTestsOnPostgreSql(PostgreSqlApp app) : RegionalStatusPropertyTests<PostgreSqlApp>(app);
