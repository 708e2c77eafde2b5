using Coordination.Application.Assignments;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports.Pages;

/// <summary>
/// The country × action matrix: one row per member state taking part in the forum, one column per action point, and in
/// each cell the assignments of that country's institutions for that action point (none: not assigned).
/// </summary>
public sealed record GetReportMatrixQuery(ReportFilter Filter) : IReportQuery, IQuery<ReportMatrixDto>, IAllowAnonymous;

public sealed record ReportMatrixDto(
    Guid ForumId, DateOnly AsOf, IReadOnlyList<MatrixColumnDto> Columns, IReadOnlyList<MatrixRowDto> Rows);

public sealed record MatrixColumnDto(Guid ActionPointId, string Code, string Title);

/// <param name="Cells">One per column, in the columns' order.</param>
public sealed record MatrixRowDto(string CountryCode, IReadOnlyList<MatrixCellDto> Cells);

/// <param name="Assignments">Empty when no institution of the country is assigned the action point.</param>
public sealed record MatrixCellDto(Guid ActionPointId, IReadOnlyList<MatrixAssignmentDto> Assignments);

/// <param name="AwaitingValidation">
/// Only for a reader who may know it (<see cref="ReportForum.ShowsUnacceptedOf"/>): always false in a report read only
/// because it is published, and for another organization's assignment in a confidential forum.
/// </param>
public sealed record MatrixAssignmentDto(
    Guid AssignmentId, Guid OrganizationId, string OrganizationAcronym, string OrganizationName, AssignmentStatus Status,
    int PercentComplete, DateOnly DueDate, bool Overdue, bool AwaitingValidation);

public sealed class GetReportMatrixValidator : AbstractValidator<GetReportMatrixQuery>
{
    public GetReportMatrixValidator() => this.AddReportFilterRules();
}

public sealed class GetReportMatrixHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetReportMatrixQuery, ReportMatrixDto>
{
    public async ValueTask<ReportMatrixDto> Handle(GetReportMatrixQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Filter;
        var forum = await db.ReadableReportForumAsync(user, filter.ForumId, cancellationToken);
        var today = forum.Today(clock).DayNumber;

        var actionPoints = db.ActionPoints.AsNoTracking().Where(a => a.ForumId == filter.ForumId);
        if (filter.MatchingConclusions(db) is { } conclusions)
            actionPoints = actionPoints.Where(a => conclusions.Any(c => c.Id == a.ConclusionId));
        var columns = await actionPoints
            .OrderBy(a => a.Code)
            .Select(a => new MatrixColumnDto(a.Id, a.Code, a.Title))
            .ToListAsync(cancellationToken);

        // Rows are the member states of the forum's participants, so a country with nothing assigned still shows (empty).
        var countries = new List<string>();
        if (filter.OrganizationKind is null or OrganizationKind.MemberStateInstitution)
        {
            var participants = db.Forums.AsNoTracking().Where(f => f.Id == filter.ForumId).SelectMany(f => f.Participants.Select(p => p.OrganizationId));
            var codes = db.Organizations.AsNoTracking()
                .Where(o => participants.Contains(o.Id) && o.Kind == OrganizationKind.MemberStateInstitution && o.CountryCode != null);
            if (filter.CountryCode is { } country)
                codes = codes.Where(o => o.CountryCode == country);
            countries = await codes.Select(o => o.CountryCode!).Distinct().ToListAsync(cancellationToken);
        }

        var statuses = filter.Apply(db, db.AssignmentStatuses.AsNoTracking()).Where(s => s.OrganizationKind == OrganizationKind.MemberStateInstitution);
        var cells = await (
                from s in statuses
                join o in db.Organizations.AsNoTracking() on s.OrganizationId equals o.Id
                select new
                {
                    s.AssignmentId, s.ActionPointId, s.CountryCode, s.OrganizationId, o.Acronym, o.Name, s.Status, s.PercentComplete,
                    s.DueDate, s.DueDay, Pending = s.PendingUpdateId != null,
                })
            .ToListAsync(cancellationToken);

        var byCell = cells.ToLookup(c => (Country: c.CountryCode?.Trim() ?? "", c.ActionPointId));
        var rows = countries
            .Select(c => c.Trim())
            .Union(cells.Select(c => c.CountryCode?.Trim() ?? "").Where(c => c.Length > 0))
            .Order(StringComparer.Ordinal)
            .Select(country => new MatrixRowDto(country, [.. columns.Select(column => new MatrixCellDto(
                column.ActionPointId,
                [.. byCell[(country, column.ActionPointId)]
                    .OrderBy(c => c.Acronym, StringComparer.Ordinal)
                    .Select(c => new MatrixAssignmentDto(
                        c.AssignmentId, c.OrganizationId, c.Acronym, c.Name, c.Status, c.PercentComplete, c.DueDate,
                        AssignmentFlags.IsOverdue(c.Status, c.DueDay, today), c.Pending && forum.ShowsUnacceptedOf(user, c.OrganizationId)))]))]))
            .ToList();
        return new ReportMatrixDto(filter.ForumId, DateOnly.FromDayNumber(today), columns, rows);
    }
}
