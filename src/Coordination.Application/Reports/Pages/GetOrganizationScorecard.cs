using Coordination.Application.Assignments;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports.Pages;

/// <summary>One organization's scorecard in a forum's report: its figures, computed like the dashboard's, and its assignments.</summary>
public sealed record GetOrganizationScorecardQuery(ReportFilter Filter, Guid OrganizationId) : IReportQuery, IQuery<OrganizationScorecardDto>, IAllowAnonymous;

public sealed record OrganizationScorecardDto(
    Guid ForumId,
    DateOnly AsOf,
    Guid OrganizationId,
    string Name,
    string Acronym,
    OrganizationKind Kind,
    string? CountryCode,
    ReportFiguresDto Figures,
    IReadOnlyList<ReportAssignmentDto> Assignments);

public sealed class GetOrganizationScorecardValidator : AbstractValidator<GetOrganizationScorecardQuery>
{
    public GetOrganizationScorecardValidator()
    {
        this.AddReportFilterRules();
        RuleFor(q => q.OrganizationId).NotEmpty();
    }
}

public sealed class GetOrganizationScorecardHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetOrganizationScorecardQuery, OrganizationScorecardDto>
{
    public async ValueTask<OrganizationScorecardDto> Handle(GetOrganizationScorecardQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Filter;
        var forum = await db.ReadableReportForumAsync(user, filter.ForumId, cancellationToken);

        // Only an organization that takes part in the forum has a scorecard in its report.
        var participates = db.Forums.AsNoTracking()
            .Where(f => f.Id == filter.ForumId)
            .SelectMany(f => f.Participants)
            .Any(p => p.OrganizationId == query.OrganizationId);
        var organization = await db.Organizations.AsNoTracking()
                .Where(o => o.Id == query.OrganizationId && participates)
                .Select(o => new { o.Id, o.Name, o.Acronym, o.Kind, o.CountryCode })
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Organization", query.OrganizationId);

        var today = forum.Today(clock).DayNumber;
        var statuses = filter.Apply(db, db.AssignmentStatuses.AsNoTracking()).Where(s => s.OrganizationId == query.OrganizationId);
        var figures = (await statuses.Flagged(today).OverallAsync(cancellationToken)).ToDto();
        var assignments = (await db.Rows(statuses)
                .OrderBy(r => r.ActionPointCode).ThenBy(r => r.Id)
                .ToListAsync(cancellationToken))
            .Select(r => r.ToDto(today).ToReportDto(forum, user))
            .ToList();
        return new OrganizationScorecardDto(
            filter.ForumId, DateOnly.FromDayNumber(today), organization.Id, organization.Name, organization.Acronym, organization.Kind,
            organization.CountryCode?.Trim(), figures, assignments);
    }
}
