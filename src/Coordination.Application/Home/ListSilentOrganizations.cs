using Coordination.Application.Common;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Domain.ActionPoints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Home;

/// <summary>
/// Organizations with open assignments that have not reported for a while: who the secretariat should call. Read from
/// the current-status table; an organization counts once, with its oldest silence.
/// </summary>
public sealed record ListSilentOrganizationsQuery(int Days = 90, int Take = 10) : IQuery<IReadOnlyList<SilentOrganizationDto>>, ISecretariatOnly;

public sealed record SilentOrganizationDto(Guid OrganizationId, string Name, string Acronym, string? CountryCode, int OpenAssignments, DateTime? LastUpdateAt);

public sealed class ListSilentOrganizationsValidator : AbstractValidator<ListSilentOrganizationsQuery>
{
    public ListSilentOrganizationsValidator()
    {
        RuleFor(q => q.Days).InclusiveBetween(1, 3650);
        RuleFor(q => q.Take).InclusiveBetween(1, 200);
    }
}

public sealed class ListSilentOrganizationsHandler(ICoordinationDbContext db, TimeProvider clock)
    : IQueryHandler<ListSilentOrganizationsQuery, IReadOnlyList<SilentOrganizationDto>>
{
    public async ValueTask<IReadOnlyList<SilentOrganizationDto>> Handle(ListSilentOrganizationsQuery query, CancellationToken cancellationToken)
    {
        var since = clock.UtcNow().AddDays(-query.Days);
        var silent = await db.AssignmentStatuses.AsNoTracking()
            .Where(s => s.Status != AssignmentStatus.Completed && s.Status != AssignmentStatus.Cancelled)
            .GroupBy(s => s.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Open = g.Count(), LastUpdateAt = g.Max(s => s.LastUpdateAt) })
            .Where(g => g.LastUpdateAt == null || g.LastUpdateAt < since)
            .Join(db.Organizations, g => g.OrganizationId, o => o.Id, (g, o) => new { g.OrganizationId, o.Name, o.Acronym, o.CountryCode, g.Open, g.LastUpdateAt })
            .OrderBy(g => g.LastUpdateAt).ThenBy(g => g.Name)
            .Take(query.Take)
            .ToListAsync(cancellationToken);
        return silent.Select(g => new SilentOrganizationDto(g.OrganizationId, g.Name, g.Acronym, g.CountryCode, g.Open, g.LastUpdateAt)).ToList();
    }
}
