using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports;

/// <summary>
/// The forums whose reports the caller may open from a list: the published ones for anyone; when signed in and not
/// <paramref name="PublishedOnly"/>, those open to them (as the forum switcher), published or not. The public list of
/// published reports (the API's <c>/reports/published</c>) asks for the published ones only, whoever calls: a signed-in
/// person still reads any published report by its address, but the public list must not show what the public cannot read.
/// </summary>
public sealed record ListReportForumsQuery(bool PublishedOnly = false) : IQuery<IReadOnlyList<ReportForumDto>>, IAllowAnonymous;

public sealed record ReportForumDto(Guid ForumId, string Title, string Place, DateOnly StartDate, DateOnly EndDate, bool ReportPublished);

public sealed class ListReportForumsHandler(ICoordinationDbContext db, ICurrentUser user) : IQueryHandler<ListReportForumsQuery, IReadOnlyList<ReportForumDto>>
{
    public async ValueTask<IReadOnlyList<ReportForumDto>> Handle(ListReportForumsQuery query, CancellationToken cancellationToken)
    {
        var forums = user.IsAuthenticated && !query.PublishedOnly
            ? db.ReadableForums(user)
            : db.Forums.AsNoTracking().Where(f => f.ReportPublished);
        return await forums
            .OrderByDescending(f => f.StartDate).ThenBy(f => f.Title).ThenBy(f => f.Id)
            .Select(f => new ReportForumDto(f.Id, f.Title, f.Place, f.StartDate, f.EndDate, f.ReportPublished))
            .ToListAsync(cancellationToken);
    }
}
