using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using Coordination.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Coordination.Web.Tests.Reports;

internal sealed record FiguresResponse(int Assignments, Dictionary<string, int> ByStatus, double PercentComplete, int Overdue, int AtRisk);

internal sealed record ItemResponse(
    string Key, string Label, int Assignments, Dictionary<string, int> ByStatus, double PercentComplete, int Overdue, int AtRisk);

internal sealed record RegionalStatusResponse(
    Guid ForumId, string ForumTitle, DateOnly AsOf, bool Published, FiguresResponse Overall, List<ItemResponse> ByCountry,
    List<ItemResponse> ByOrganization, List<ItemResponse> ByTheme, List<ItemResponse> ByGcmObjective, List<ItemResponse> BySdgTarget)
{
    public IEnumerable<(string Breakdown, List<ItemResponse> Items)> Breakdowns() =>
    [
        ("byCountry", ByCountry), ("byOrganization", ByOrganization), ("byTheme", ByTheme), ("byGcmObjective", ByGcmObjective),
        ("bySdgTarget", BySdgTarget),
    ];
}

internal sealed record TrendPointResponse(
    Guid ReviewCycleId, string Name, DateOnly SubmissionDeadline, DateTime ClosedAt, int Assignments, Dictionary<string, int> ByStatus,
    double PercentComplete, int Overdue, int AtRisk, int ReportedOnTime, int ReportedLate, int NotReported);

internal sealed record TrendResponse(Guid ForumId, string ForumTitle, List<TrendPointResponse> Points);

internal sealed record PublishedReportResponse(Guid ForumId, string Title, string Place, DateOnly StartDate, DateOnly EndDate, bool ReportPublished);

internal sealed record ForumResponse(Guid Id, string Title, bool ReportPublished, string Version);

/// <summary>The figures of one group, as the test compares them whatever format they came in.</summary>
internal sealed record Figures(int Assignments, int NotStarted, int InProgress, int Completed, int OnHold, int Cancelled, double Percent, int Overdue, int AtRisk)
{
    public static Figures Of(int assignments, IReadOnlyDictionary<string, int> byStatus, double percent, int overdue, int atRisk) =>
        new(assignments, byStatus.GetValueOrDefault("NotStarted"), byStatus.GetValueOrDefault("InProgress"),
            byStatus.GetValueOrDefault("Completed"), byStatus.GetValueOrDefault("OnHold"), byStatus.GetValueOrDefault("Cancelled"),
            percent, overdue, atRisk);

    public static Figures Of(FiguresResponse f) => Of(f.Assignments, f.ByStatus, f.PercentComplete, f.Overdue, f.AtRisk);

    public static Figures Of(ItemResponse i) => Of(i.Assignments, i.ByStatus, i.PercentComplete, i.Overdue, i.AtRisk);
}

internal static class ReportFiles
{
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content, HttpClientExtensions.Json))!;
    }

    /// <summary>An RFC 4180 reader: quoted cells with doubled quotes and line breaks, CRLF records.</summary>
    public static List<List<string>> ParseCsv(byte[] content)
    {
        content.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "the CSV starts with the UTF-8 BOM");
        var text = Encoding.UTF8.GetString(content, 3, content.Length - 3);
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        (cell.Length == 0 && record.Count == 0).ShouldBeTrue("the CSV ends with CRLF");
        return records;
    }

    /// <summary>The CSV's figures by (breakdown, key), with the label as written.</summary>
    public static Dictionary<(string Breakdown, string Key), (string Label, Figures Figures)> CsvFigures(byte[] content)
    {
        var records = ParseCsv(content);
        records[0].ShouldBe(
            ["breakdown", "key", "label", "assignments", "notStarted", "inProgress", "completed", "onHold", "cancelled", "percentComplete", "overdue", "atRisk"]);
        return records.Skip(1).ToDictionary(
            r => (r[0], r[1]),
            r => (r[2], new Figures(
                Int(r[3]), Int(r[4]), Int(r[5]), Int(r[6]), Int(r[7]), Int(r[8]),
                double.Parse(r[9], CultureInfo.InvariantCulture), Int(r[10]), Int(r[11]))));

        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
    }

    public static List<IDictionary<string, object?>> Sheet(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .ToList();
    }

    public static Figures SheetFigures(IDictionary<string, object?> row) =>
        new(Int(row["Assignments"]), Int(row["NotStarted"]), Int(row["InProgress"]), Int(row["Completed"]), Int(row["OnHold"]),
            Int(row["Cancelled"]), Convert.ToDouble(row["PercentComplete"], CultureInfo.InvariantCulture), Int(row["Overdue"]), Int(row["AtRisk"]));

    public static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    /// <summary>The raw cells of the workbook (every sheet's XML), to prove none is a formula.</summary>
    public static List<XElement> Cells(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        var cells = new List<XElement>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var sheet = entry.Open();
            cells.AddRange(XDocument.Load(sheet).Descendants().Where(e => e.Name.LocalName == "c"));
        }

        return cells;
    }
}

/// <summary>
/// A random forum for the property test, made through the domain: organizations of several kinds and countries,
/// conclusions with random themes and tags, action points and assignments with past, near and far due dates, and
/// updates submitted, accepted and returned, some assignments cancelled. It keeps, independently of the app, what it
/// made: each assignment's official status and percent by the rule of the forum's validation setting.
/// </summary>
internal sealed class ReportDataSet
{
    public sealed record Org(Guid Id, string Name, OrganizationKind Kind, string? Country);

    public sealed record Concl(Guid Id, string Theme, IReadOnlyList<int> Gcm, IReadOnlyList<string> Sdg);

    public sealed record Ap(Guid Id, string Code, Guid ConclusionId, DateOnly Start);

    public sealed class Asg(Guid id, Ap actionPoint, Org organization, DateOnly due)
    {
        public Guid Id { get; } = id;

        public Ap ActionPoint { get; } = actionPoint;

        public Org Organization { get; } = organization;

        public DateOnly Due { get; } = due;

        public AssignmentStatus Status { get; set; } = AssignmentStatus.NotStarted;

        public int Percent { get; set; }

        public int AcceptedUpdates { get; set; }
    }

    private static readonly string[] Countries = ["DOM", "MEX", "GTM", "HND", "SLV", "CRI"];
    private static readonly OrganizationKind[] PartnerKinds =
        [OrganizationKind.UnAgency, OrganizationKind.Donor, OrganizationKind.Academia, OrganizationKind.CivilSociety, OrganizationKind.PrivateSector, OrganizationKind.Other];
    private static readonly string[] Themes = ["Statistics", "Capacity building", "Governance"];
    private static readonly string[] Targets = ["10.7", "17.18", "10.c", "5.2", "16.9", "2.1"];

    public Guid ForumId { get; private set; }

    public bool RequiresValidation { get; private init; }

    public List<Org> Organizations { get; } = [];

    public List<Concl> Conclusions { get; } = [];

    public List<Asg> Assignments { get; } = [];

    public static async Task<ReportDataSet> CreateAsync(CoordinationApp app, int seed, bool requiresValidation)
    {
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var set = new ReportDataSet { RequiresValidation = requiresValidation };
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 4; i++)
                set.Organizations.Add(Add(db, Organization.Create($"Institution {suffix}-{i}", $"I{suffix}{i}", OrganizationKind.MemberStateInstitution, Pick(random, Countries))));
            for (var i = 0; i < 3; i++)
                set.Organizations.Add(Add(db, Organization.Create($"Partner {suffix}-{i}", $"P{suffix}{i}", Pick(random, PartnerKinds), i == 0 ? "USA" : null))); // a donor abroad is not a country of the forum

            var forum = Forum.Create($"Property forum {seed} {suffix}", "Tegucigalpa", today.AddDays(-400), today.AddDays(-398), null, requiresValidation,
                set.Organizations.Select(o => o.Id));
            db.Forums.Add(forum);
            set.ForumId = forum.Id;
            for (var n = 1; n <= 4; n++)
            {
                var gcm = Enumerable.Range(1, 23).OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList();
                var sdg = Targets.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList();
                var conclusion = Conclusion.Create(forum.Id, n, $"Conclusion {n}.", Pick(random, Themes), gcm, sdg);
                db.Conclusions.Add(conclusion);
                set.Conclusions.Add(new Concl(conclusion.Id, conclusion.Theme, conclusion.GcmObjectives, conclusion.SdgTargets));
            }

            for (var p = 0; p < 6; p++)
            {
                var conclusion = Pick(random, set.Conclusions);
                var start = today.AddDays(-random.Next(5, 300));
                var actionPoint = ActionPoint.Create(forum.Id, conclusion.Id, $"RS-{suffix}-{p}", $"Action {p}", null, Priority.Medium, start, today.AddDays(400), null);
                db.ActionPoints.Add(actionPoint);
                var ap = new Ap(actionPoint.Id, actionPoint.Code, conclusion.Id, start);
                foreach (var organization in set.Organizations.OrderBy(_ => random.Next()).Take(random.Next(1, 5)))
                {
                    // Past, near (the at-risk window) and far due dates, never before the start.
                    var due = random.Next(3) switch
                    {
                        0 => today.AddDays(-random.Next(1, 60)),
                        1 => today.AddDays(random.Next(0, 31)),
                        _ => today.AddDays(random.Next(31, 200)),
                    };
                    if (due < start)
                        due = start;
                    var assignment = Assignment.Create(actionPoint, organization.Id, AssignmentRole.Lead, due);
                    db.Assignments.Add(assignment);
                    set.Assignments.Add(new Asg(assignment.Id, ap, organization, due));
                }
            }

            await db.SaveChangesAsync();

            foreach (var a in set.Assignments)
                await set.PlayAsync(db, a, random);
        });
        return set;
    }

    /// <summary>A random history for one assignment, tracking what is official the way the forum's setting says.</summary>
    private async Task PlayAsync(Coordination.Infrastructure.Persistence.CoordinationDbContext db, Asg a, Random random)
    {
        var assignment = (await db.Assignments.FindAsync(a.Id))!;
        var reporter = new Reporter(Guid.NewGuid(), "Focal point", a.Organization.Id);
        var now = DateTime.UtcNow.AddDays(-30);
        var steps = random.Next(0, 4);
        for (var step = 0; step < steps; step++)
        {
            now = now.AddDays(1);
            var (status, percent) = random.Next(4) switch
            {
                0 => (AssignmentStatus.NotStarted, 0),
                1 => (AssignmentStatus.InProgress, random.Next(1, 100)),
                2 => (AssignmentStatus.OnHold, random.Next(0, 100)),
                _ => (AssignmentStatus.Completed, 100),
            };
            var update = assignment.Report(
                new ProgressReport(status, percent, "Worked with the national statistics office on the definitions.", "Internal obstacle", null,
                    status == AssignmentStatus.Completed ? ["https://example.org/evidence"] : [], null, null),
                reporter, now, RequiresValidation);
            db.ProgressUpdates.Add(update);
            await db.SaveChangesAsync();
            if (!RequiresValidation)
            {
                (a.Status, a.Percent) = (status, percent);
                a.AcceptedUpdates++;
                continue;
            }

            // Awaiting validation: accepted, returned, or left waiting (only as the last step).
            var fate = step == steps - 1 ? random.Next(3) : random.Next(2);
            if (fate == 0)
            {
                assignment.Accept(update, Guid.NewGuid(), "Secretariat", now.AddHours(1));
                (a.Status, a.Percent) = (status, percent);
                a.AcceptedUpdates++;
            }
            else if (fate == 1)
            {
                assignment.Return(update, Guid.NewGuid(), "Secretariat", "Internal review comment", now.AddHours(1));
            }

            await db.SaveChangesAsync();
        }

        if (random.Next(6) == 0)
        {
            var pending = assignment.PendingUpdateId is { } id ? await db.ProgressUpdates.FindAsync(id) : null;
            assignment.Cancel(pending, Guid.NewGuid(), "Secretariat", DateTime.UtcNow);
            a.Status = AssignmentStatus.Cancelled;
            await db.SaveChangesAsync();
        }
    }

    private static Org Add(Coordination.Infrastructure.Persistence.CoordinationDbContext db, Organization organization)
    {
        db.Organizations.Add(organization);
        return new Org(organization.Id, organization.Name, organization.Kind, organization.CountryCode);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>The figures of some assignments, computed here from what the test made (api.md "Report figures").</summary>
    public static Figures Expected(IReadOnlyCollection<Asg> assignments, DateOnly today)
    {
        var counted = assignments.Where(a => a.Status != AssignmentStatus.Cancelled).ToList();
        var percent = counted.Count == 0 ? 0 : (double)Math.Round((decimal)counted.Sum(a => a.Percent) / counted.Count, 1, MidpointRounding.AwayFromZero);
        return new Figures(
            assignments.Count,
            assignments.Count(a => a.Status == AssignmentStatus.NotStarted),
            assignments.Count(a => a.Status == AssignmentStatus.InProgress),
            assignments.Count(a => a.Status == AssignmentStatus.Completed),
            assignments.Count(a => a.Status == AssignmentStatus.OnHold),
            assignments.Count(a => a.Status == AssignmentStatus.Cancelled),
            percent,
            assignments.Count(a => IsOpen(a) && a.Due < today),
            assignments.Count(a => IsOpen(a) && IsAtRisk(a, today)));
    }

    /// <summary>Due today or within 30 days, and the percent behind the share of the time gone since the action point started.</summary>
    private static bool IsAtRisk(Asg a, DateOnly today)
    {
        var daysLeft = a.Due.DayNumber - today.DayNumber;
        var elapsed = today.DayNumber - a.ActionPoint.Start.DayNumber;
        var span = a.Due.DayNumber - a.ActionPoint.Start.DayNumber;
        return daysLeft is >= 0 and <= 30 && a.Percent * span < 100 * elapsed;
    }

    private static bool IsOpen(Asg a) => a.Status is not (AssignmentStatus.Completed or AssignmentStatus.Cancelled);

    public Concl ConclusionOf(Asg a) => Conclusions.Single(c => c.Id == a.ActionPoint.ConclusionId);

    /// <summary>Every breakdown the report has, expected: (breakdown, key) → (label, figures).</summary>
    public Dictionary<(string Breakdown, string Key), (string Label, Figures Figures)> ExpectedBreakdowns(IReadOnlyCollection<Asg> selected, DateOnly today)
    {
        var expected = new Dictionary<(string, string), (string, Figures)>();
        foreach (var g in selected.Where(a => a.Organization.Kind == OrganizationKind.MemberStateInstitution && a.Organization.Country is not null).GroupBy(a => a.Organization.Country!))
            expected[("byCountry", g.Key)] = (CountryCatalogue.Find(g.Key)!.NameEn, Expected(g.ToList(), today));
        foreach (var g in selected.GroupBy(a => a.Organization))
            expected[("byOrganization", g.Key.Id.ToString())] = (g.Key.Name, Expected(g.ToList(), today));
        foreach (var g in selected.GroupBy(a => ConclusionOf(a).Theme))
            expected[("byTheme", g.Key)] = (g.Key, Expected(g.ToList(), today));
        foreach (var g in selected.SelectMany(a => ConclusionOf(a).Gcm.Select(o => (o, a))).GroupBy(x => x.o, x => x.a))
            expected[("byGcmObjective", g.Key.ToString(CultureInfo.InvariantCulture))] = ($"GCM objective {g.Key}", Expected(g.ToList(), today));
        foreach (var g in selected.SelectMany(a => ConclusionOf(a).Sdg.Select(t => (t, a))).GroupBy(x => x.t, x => x.a))
            expected[("bySdgTarget", g.Key)] = (g.Key, Expected(g.ToList(), today));
        return expected;
    }
}
