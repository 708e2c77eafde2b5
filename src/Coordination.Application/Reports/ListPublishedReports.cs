using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports;

/// <summary>The forums whose report the secretariat published, so the public can find them (no sign-in needed).</summary>
public sealed record ListPublishedReportsQuery : IQuery<IReadOnlyList<PublishedReportDto>>, IAllowAnonymous;

public sealed record PublishedReportDto(Guid ForumId, string Title, string Place, DateOnly StartDate, DateOnly EndDate);

public sealed class ListPublishedReportsHandler(ICoordinationDbContext db)
    : IQueryHandler<ListPublishedReportsQuery, IReadOnlyList<PublishedReportDto>>
{
    public async ValueTask<IReadOnlyList<PublishedReportDto>> Handle(ListPublishedReportsQuery query, CancellationToken cancellationToken) =>
        await db.Forums.AsNoTracking()
            .Where(f => f.ReportPublished)
            .OrderByDescending(f => f.StartDate).ThenBy(f => f.Title)
            .Select(f => new PublishedReportDto(f.Id, f.Title, f.Place, f.StartDate, f.EndDate))
            .ToListAsync(cancellationToken);
}
