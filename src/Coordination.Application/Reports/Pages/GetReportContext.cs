using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Security;
using Coordination.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Reports.Pages;

/// <summary>
/// What every report page shows around its figures: the forum's title line, whether its report is published, and the
/// choices of its filters (the participants' countries and kinds, the conclusions' themes and framework tags).
/// </summary>
public sealed record GetReportContextQuery(Guid ForumId) : IQuery<ReportContextDto>, IAllowAnonymous;

/// <param name="Today">The forum's day now, in its own time zone: the "as of" of a page whose figures do not carry their own.</param>
public sealed record ReportContextDto(
    Guid ForumId,
    string Title,
    string Place,
    DateOnly StartDate,
    DateOnly EndDate,
    bool ReportPublished,
    IReadOnlyList<ReportOrganizationDto> Organizations,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> GcmObjectives,
    IReadOnlyList<string> SdgTargets,
    DateOnly Today)
{
    public IReadOnlyList<string> Countries =>
        [.. Organizations.Where(o => o.Kind == OrganizationKind.MemberStateInstitution && o.CountryCode is not null).Select(o => o.CountryCode!).Distinct()];

    public IReadOnlyList<OrganizationKind> Kinds => [.. Organizations.Select(o => o.Kind).Distinct().Order()];
}

public sealed record ReportOrganizationDto(Guid Id, string Name, string Acronym, OrganizationKind Kind, string? CountryCode);

public sealed class GetReportContextHandler(ICoordinationDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetReportContextQuery, ReportContextDto>
{
    public async ValueTask<ReportContextDto> Handle(GetReportContextQuery query, CancellationToken cancellationToken)
    {
        var readable = await db.ReadableReportForumAsync(user, query.ForumId, cancellationToken);
        var forum = await db.Forums.AsNoTracking()
                .Where(f => f.Id == query.ForumId)
                .Select(f => new { f.Id, f.Title, f.Place, f.StartDate, f.EndDate, f.ReportPublished })
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Forum", query.ForumId);

        var participants = db.Forums.AsNoTracking().Where(f => f.Id == query.ForumId).SelectMany(f => f.Participants.Select(p => p.OrganizationId));
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => participants.Contains(o.Id))
            .OrderBy(o => o.Acronym)
            .Select(o => new ReportOrganizationDto(o.Id, o.Name, o.Acronym, o.Kind, o.CountryCode))
            .ToListAsync(cancellationToken);

        // A forum has a handful of conclusions: their tags are gathered here rather than unnested in SQL.
        var tags = await db.Conclusions.AsNoTracking()
            .Where(c => c.ForumId == query.ForumId)
            .Select(c => new { c.Theme, c.GcmObjectives, c.SdgTargets })
            .ToListAsync(cancellationToken);
        return new ReportContextDto(
            forum.Id, forum.Title, forum.Place, forum.StartDate, forum.EndDate, forum.ReportPublished,
            [.. organizations.Select(o => o with { CountryCode = o.CountryCode?.Trim() })],
            [.. tags.Select(t => t.Theme).Distinct().Order(StringComparer.CurrentCulture)],
            [.. tags.SelectMany(t => t.GcmObjectives).Distinct().Order()],
            [.. tags.SelectMany(t => t.SdgTargets).Distinct().OrderBy(t => t, SdgTargetOrder.Instance)],
            readable.Today(clock));
    }
}
