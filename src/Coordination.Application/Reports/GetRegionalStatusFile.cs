using System.Globalization;
using System.Text;
using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ActionPoints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports;

public enum ReportFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// The regional status as a file: CSV (the figures, one line per breakdown item) or XLSX (sheets Summary, By country,
/// By organization, By theme, By GCM objective, By SDG target, Assignments, Updates). Same access and figures as
/// <see cref="GetRegionalStatusQuery"/>; never an internal field (see <see cref="ReportAccess"/>).
/// </summary>
public sealed record GetRegionalStatusFileQuery(ReportFilter Filter, ReportFileFormat Format)
    : IQuery<ReportFile>, IAllowAnonymous, IReportQuery;

public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>One assignment as the Assignments sheet lists it.</summary>
public sealed record ReportAssignmentLine(
    string ActionPointCode, string ActionPointTitle, string Organization, string? CountryCode, AssignmentRole Role,
    AssignmentStatus Status, int PercentComplete, DateOnly DueDate, bool Overdue, bool AtRisk);

/// <summary>One accepted update as the Updates sheet lists it: when, on what, and the status and percent it reported.</summary>
public sealed record ReportUpdateLine(
    DateOnly SubmittedOn, DateOnly AcceptedOn, string ActionPointCode, string Organization, string? CountryCode,
    AssignmentStatus Status, int PercentComplete);

/// <summary>Everything a file holds.</summary>
public sealed record RegionalStatusExport(
    RegionalStatusDto Status, IReadOnlyList<ReportAssignmentLine> Assignments, IReadOnlyList<ReportUpdateLine> Updates);

public sealed class GetRegionalStatusFileValidator : AbstractValidator<GetRegionalStatusFileQuery>
{
    public GetRegionalStatusFileValidator()
    {
        this.AddReportFilterRules();
        RuleFor(q => q.Format).IsInEnum();
    }
}

public sealed class GetRegionalStatusFileHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetRegionalStatusFileQuery, ReportFile>
{
    public async ValueTask<ReportFile> Handle(GetRegionalStatusFileQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Filter;
        var forum = await db.ReadableReportForumAsync(user, filter.ForumId, cancellationToken);
        var asOf = forum.Today(clock);
        var status = await RegionalStatus.ReadAsync(db, forum, filter, asOf, cancellationToken);
        var name = ReportFileName.For(forum.Title, forum.Id, asOf);
        if (query.Format == ReportFileFormat.Csv)
            return new ReportFile($"{name}.csv", ReportCsv.ContentType, ReportCsv.Write(status));

        var statuses = filter.Apply(db, db.AssignmentStatuses.AsNoTracking());
        var export = new RegionalStatusExport(
            status,
            await AssignmentsAsync(statuses, asOf.DayNumber, cancellationToken),
            await UpdatesAsync(statuses, forum.Zone, cancellationToken));
        return new ReportFile($"{name}.xlsx", ReportXlsx.ContentType, ReportXlsx.Write(export));
    }

    private async Task<List<ReportAssignmentLine>> AssignmentsAsync(
        IQueryable<AssignmentCurrentStatus> statuses, int today, CancellationToken cancellationToken)
    {
        var rows = await (
                from s in statuses
                join ap in db.ActionPoints on s.ActionPointId equals ap.Id
                join o in db.Organizations on s.OrganizationId equals o.Id
                orderby ap.Code, o.Name
                select new { ap.Code, ap.Title, o.Name, s.CountryCode, s.Role, s.Status, s.PercentComplete, s.DueDate, s.StartDay, s.DueDay })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new ReportAssignmentLine(
            r.Code, r.Title, r.Name, r.CountryCode, r.Role, r.Status, r.PercentComplete, r.DueDate,
            AssignmentFlags.IsOverdue(r.Status, r.DueDay, today),
            AssignmentFlags.IsAtRisk(r.Status, r.PercentComplete, r.StartDay, r.DueDay, today)));
    }

    // Accepted updates only: what was submitted and not (yet) accepted, or returned, is not part of any report.
    private async Task<List<ReportUpdateLine>> UpdatesAsync(
        IQueryable<AssignmentCurrentStatus> statuses, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rows = await (
                from u in db.ProgressUpdates.AsNoTracking()
                where u.State == ProgressUpdateState.Accepted
                join s in statuses on u.AssignmentId equals s.AssignmentId
                join ap in db.ActionPoints on s.ActionPointId equals ap.Id
                join o in db.Organizations on s.OrganizationId equals o.Id
                orderby u.SubmittedAt, ap.Code, o.Name
                select new { u.SubmittedAt, u.ReviewedAt, ap.Code, o.Name, s.CountryCode, u.Status, u.PercentComplete })
            .ToListAsync(cancellationToken);

        // An update accepted on submission (forums without validation) has no review time: it was accepted then.
        return rows.ConvertAll(r => new ReportUpdateLine(
            ForumCalendar.DayOf(r.SubmittedAt, zone), ForumCalendar.DayOf(r.ReviewedAt ?? r.SubmittedAt, zone), r.Code, r.Name,
            r.CountryCode, r.Status, r.PercentComplete));
    }
}

internal static class ReportFileName
{
    /// <summary><c>regional-status-&lt;forum&gt;-&lt;yyyy-MM-dd&gt;</c>: the forum's title in plain letters, or its id when none are left.</summary>
    public static string For(string forumTitle, Guid forumId, DateOnly asOf)
    {
        var slug = new StringBuilder();
        foreach (var c in forumTitle.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        var forum = slug.ToString().Trim('-');
        if (forum.Length > 60)
            forum = forum[..60].TrimEnd('-');
        if (forum.Length == 0)
            forum = forumId.ToString();
        return $"regional-status-{forum}-{asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }
}
