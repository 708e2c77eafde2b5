using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.ReviewCycles;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports.Pages;

/// <summary>
/// Reporting compliance across a forum's closed review cycles: per organization and cycle, how many of its expected
/// assignments were reported on time, late, or not at all — counted in the database from the cycles' frozen snapshots,
/// so the figures never change once a cycle has closed, and counted the way the cycle's own compliance is.
/// </summary>
public sealed record GetComplianceMatrixQuery(ReportFilter Filter) : IReportQuery, IQuery<ComplianceMatrixDto>, IAllowAnonymous;

/// <param name="Cycles">The closed cycles, oldest first.</param>
public sealed record ComplianceMatrixDto(Guid ForumId, IReadOnlyList<ComplianceCycleDto> Cycles, IReadOnlyList<ComplianceRowDto> Organizations);

public sealed record ComplianceCycleDto(Guid ReviewCycleId, string Name, DateOnly SubmissionDeadline, DateTime? ClosedAt);

/// <param name="Cells">One per cycle, in the cycles' order; null where the organization was expected to report nothing.</param>
public sealed record ComplianceRowDto(
    Guid OrganizationId, string OrganizationName, string Acronym, string? CountryCode, IReadOnlyList<ComplianceCellDto?> Cells);

public sealed record ComplianceCellDto(int Expected, int OnTime, int Late, int Missing);

public sealed class GetComplianceMatrixValidator : AbstractValidator<GetComplianceMatrixQuery>
{
    public GetComplianceMatrixValidator() => this.AddReportFilterRules();
}

public sealed class GetComplianceMatrixHandler(ICoordinationDbContext db, ICurrentUser user)
    : IQueryHandler<GetComplianceMatrixQuery, ComplianceMatrixDto>
{
    public async ValueTask<ComplianceMatrixDto> Handle(GetComplianceMatrixQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Filter;
        var forum = await db.ReadableReportForumAsync(user, filter.ForumId, cancellationToken);

        var cycles = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.ForumId == filter.ForumId && c.State == ReviewCycleState.Closed)
            .OrderBy(c => c.SubmissionDeadline).ThenBy(c => c.Id)
            .Select(c => new ComplianceCycleDto(c.Id, c.Name, c.SubmissionDeadline, c.ClosedAt))
            .ToListAsync(cancellationToken);

        var snapshots = filter.Apply(db, db.CycleSnapshots.AsNoTracking());

        // As GetCompliance counts a cycle: an assignment completed before the cycle (and so not reported in it) is not expected.
        var counts = await snapshots
            .Where(s => s.Status != AssignmentStatus.Completed || s.ReportedOnTime || s.ReportedLate)
            .GroupBy(s => new { s.ReviewCycleId, s.OrganizationId })
            .Select(g => new
            {
                g.Key.ReviewCycleId,
                g.Key.OrganizationId,
                Expected = g.Count(),
                OnTime = g.Count(s => s.ReportedOnTime),
                Late = g.Count(s => s.ReportedLate && !s.ReportedOnTime),
            })
            .ToListAsync(cancellationToken);

        var organizationIds = counts.Select(c => c.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Acronym, o.CountryCode })
            .ToListAsync(cancellationToken);
        var byCell = counts.ToDictionary(c => (c.OrganizationId, c.ReviewCycleId));
        var rows = organizations
            .OrderBy(o => o.CountryCode ?? "~", StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(o => new ComplianceRowDto(o.Id, o.Name, o.Acronym, o.CountryCode?.Trim(), [.. cycles.Select(c =>
                byCell.TryGetValue((o.Id, c.ReviewCycleId), out var n)
                    ? new ComplianceCellDto(n.Expected, n.OnTime, n.Late, n.Expected - n.OnTime - n.Late)
                    : null)]))
            .ToList();
        return new ComplianceMatrixDto(filter.ForumId, cycles, rows);
    }
}
