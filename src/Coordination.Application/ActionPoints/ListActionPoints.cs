using Coordination.Application.Assignments;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Organizations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.ActionPoints;

public sealed record ListActionPointsQuery(
    Guid? ForumId = null,
    Guid? ConclusionId = null,
    Guid? OrganizationId = null,
    string? CountryCode = null,
    AssignmentStatus? Status = null,
    bool? Overdue = null,
    int? Page = null,
    int? PageSize = null)
    : IQuery<Paged<ActionPointDto>>, IPagedQuery;

public sealed class ListActionPointsValidator : AbstractValidator<ListActionPointsQuery>
{
    public ListActionPointsValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.CountryCode).Must(code => CountryCatalogue.IsKnown(code!.Trim().ToUpperInvariant()))
            .When(q => !string.IsNullOrWhiteSpace(q.CountryCode))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-3 country code.");
    }
}

public sealed class ListActionPointsHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListActionPointsQuery, Paged<ActionPointDto>>
{
    public async ValueTask<Paged<ActionPointDto>> Handle(ListActionPointsQuery query, CancellationToken cancellationToken)
    {
        var readableForumIds = db.ReadableForumIds(user);
        var actionPoints = db.ActionPoints.AsNoTracking().Where(a => readableForumIds.Contains(a.ForumId));
        if (query.ForumId is { } forumId)
            actionPoints = actionPoints.Where(a => a.ForumId == forumId);
        if (query.ConclusionId is { } conclusionId)
            actionPoints = actionPoints.Where(a => a.ConclusionId == conclusionId);

        // The assignment filters apply together to one assignment: "overdue in Mexico" means an assignment
        // that is both overdue and Mexico's, not one overdue somewhere and another in Mexico.
        if (await MatchingAssignmentsAsync(query, cancellationToken) is { } assignments)
        {
            var actionPointIds = assignments.Select(s => s.ActionPointId);
            actionPoints = actionPoints.Where(a => actionPointIds.Contains(a.Id));
        }

        var page = await db.Rows(actionPoints.OrderBy(a => a.Code).ThenBy(a => a.Id))
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
        return new Paged<ActionPointDto>([.. page.Items.Select(r => r.ToDto())], page.Page, page.PageSize, page.TotalCount);
    }

    private async Task<IQueryable<AssignmentCurrentStatus>?> MatchingAssignmentsAsync(ListActionPointsQuery query, CancellationToken cancellationToken)
    {
        if (query is { OrganizationId: null, CountryCode: null, Status: null, Overdue: null })
            return null;

        var statuses = db.AssignmentStatuses.AsNoTracking();
        if (query.OrganizationId is { } organizationId)
            statuses = statuses.Where(s => s.OrganizationId == organizationId);
        if (!string.IsNullOrWhiteSpace(query.CountryCode))
        {
            var country = query.CountryCode.Trim().ToUpperInvariant();
            statuses = statuses.Where(s => s.CountryCode == country);
        }

        if (query.Status is { } status)
            statuses = statuses.Where(s => s.Status == status);
        if (query.Overdue is { } overdue)
        {
            // Overdue on each forum's own day, as its reports and the home overview count it, decided in the database.
            var days = await ForumDays.OfReadableAsync(db, user, clock, query.ForumId, cancellationToken);
            statuses = statuses.Where(days.Overdue(overdue));
        }

        return statuses;
    }
}
