using Coordination.Application.Assignments;
using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports.Pages;

/// <summary>What needs attention in a forum's report: the overdue assignments, then those at risk, the most urgent first.</summary>
public sealed record GetAttentionListQuery(ReportFilter Filter) : IReportQuery, IQuery<AttentionListDto>, IAllowAnonymous;

public sealed record AttentionListDto(
    Guid ForumId, DateOnly AsOf, IReadOnlyList<ReportAssignmentDto> Overdue, IReadOnlyList<ReportAssignmentDto> AtRisk);

public sealed class GetAttentionListValidator : AbstractValidator<GetAttentionListQuery>
{
    public GetAttentionListValidator() => this.AddReportFilterRules();
}

public sealed class GetAttentionListHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetAttentionListQuery, AttentionListDto>
{
    public async ValueTask<AttentionListDto> Handle(GetAttentionListQuery query, CancellationToken cancellationToken)
    {
        var forum = await db.ReadableReportForumAsync(user, query.Filter.ForumId, cancellationToken);
        var today = forum.Today(clock).DayNumber;
        var statuses = query.Filter.Apply(db, db.AssignmentStatuses.AsNoTracking());

        // The flags are the database filters of AssignmentFlags, so these lists count what the dashboard counts.
        var overdue = await ReadAsync(statuses.Where(AssignmentFlags.Overdue(today)), forum, today, cancellationToken);
        var atRisk = await ReadAsync(statuses.Where(AssignmentFlags.AtRisk(today)), forum, today, cancellationToken);
        return new AttentionListDto(query.Filter.ForumId, DateOnly.FromDayNumber(today), overdue, atRisk);
    }

    private async Task<List<ReportAssignmentDto>> ReadAsync(
        IQueryable<AssignmentCurrentStatus> statuses, ReportForum forum, int today, CancellationToken cancellationToken) =>
        [.. (await db.Rows(statuses)
                .OrderBy(r => r.DueDay).ThenBy(r => r.ActionPointCode).ThenBy(r => r.OrganizationName).ThenBy(r => r.Id)
                .ToListAsync(cancellationToken))
            .Select(r => r.ToDto(today).ToReportDto(forum, user))];
}
