using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Assignments;

public sealed record ListAssignmentsQuery(
    Guid? OrganizationId = null,
    AssignmentStatus? Status = null,
    Guid? ForumId = null,
    bool? Overdue = null,
    Guid? ActionPointId = null,
    int? Page = null,
    int? PageSize = null)
    : IQuery<Paged<AssignmentDto>>, IPagedQuery;

public sealed class ListAssignmentsValidator : AbstractValidator<ListAssignmentsQuery>
{
    public ListAssignmentsValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Status).IsInEnum();
    }
}

public sealed class ListAssignmentsHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListAssignmentsQuery, Paged<AssignmentDto>>
{
    public async ValueTask<Paged<AssignmentDto>> Handle(ListAssignmentsQuery query, CancellationToken cancellationToken)
    {
        // Overdue and at risk on each forum's own day, as its reports and the home overview count them.
        var days = await ForumDays.OfReadableAsync(db, user, clock, query.ForumId, cancellationToken);
        var readableForumIds = db.ReadableForumIds(user);
        var statuses = db.AssignmentStatuses.AsNoTracking().Where(s => readableForumIds.Contains(s.ForumId));

        // "My organization's actions": what a focal point sees unless they ask for another organization.
        var organizationId = query.OrganizationId
            ?? (user.IsInRole(Roles.FocalPoint) && !user.IsSecretariat() ? user.OrganizationId ?? Guid.Empty : null);
        if (organizationId is { } organization)
            statuses = statuses.Where(s => s.OrganizationId == organization);
        if (query.Status is { } status)
            statuses = statuses.Where(s => s.Status == status);
        if (query.ForumId is { } forumId)
            statuses = statuses.Where(s => s.ForumId == forumId);
        if (query.ActionPointId is { } actionPointId)
            statuses = statuses.Where(s => s.ActionPointId == actionPointId);
        if (query.Overdue is { } overdue)
            statuses = statuses.Where(days.Overdue(overdue));

        var page = await db.Rows(statuses)
            .OrderBy(r => r.DueDay).ThenBy(r => r.ActionPointCode).ThenBy(r => r.OrganizationName).ThenBy(r => r.Id)
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
        return new Paged<AssignmentDto>(
            await db.ToDtosAsync(page.Items, days, user, cancellationToken), page.Page, page.PageSize, page.TotalCount);
    }
}
