using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Domain.Forums;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Forums;

public sealed record ListConclusionsQuery(
    Guid ForumId, string? Theme = null, int? GcmObjective = null, string? SdgTarget = null, int? Page = null, int? PageSize = null)
    : IQuery<Paged<ConclusionDto>>, IPagedQuery;

public sealed class ListConclusionsValidator : AbstractValidator<ListConclusionsQuery>
{
    public ListConclusionsValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Theme).MaximumLength(Conclusion.ThemeMaxLength);
        RuleFor(q => q.GcmObjective).Must(o => ConclusionRules.IsGcmObjective(o!.Value)).When(q => q.GcmObjective is not null)
            .WithMessage($"GCM objectives are numbered from 1 to {Conclusion.GcmObjectiveCount}.");
        RuleFor(q => q.SdgTarget).Must(t => Conclusion.IsSdgTarget(t!.Trim())).When(q => !string.IsNullOrWhiteSpace(q.SdgTarget))
            .WithMessage("'{PropertyValue}' is not an SDG target (write it like 10.7 or 17.18).");
    }
}

public sealed class ListConclusionsHandler(ICoordinationDbContext db, ICurrentUser user)
    : IQueryHandler<ListConclusionsQuery, Paged<ConclusionDto>>
{
    public async ValueTask<Paged<ConclusionDto>> Handle(ListConclusionsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.CanReadForumAsync(user, query.ForumId, cancellationToken))
            throw new NotFoundException("Forum", query.ForumId);

        var conclusions = db.Conclusions.AsNoTracking().Where(c => c.ForumId == query.ForumId);
        if (!string.IsNullOrWhiteSpace(query.Theme))
        {
            var theme = query.Theme.Trim().ToLower();
            conclusions = conclusions.Where(c => c.Theme.ToLower() == theme);
        }

        if (query.GcmObjective is { } objective)
            conclusions = conclusions.Where(c => c.GcmObjectives.Contains(objective));
        if (!string.IsNullOrWhiteSpace(query.SdgTarget))
        {
            var target = query.SdgTarget.Trim();
            conclusions = conclusions.Where(c => c.SdgTargets.Contains(target));
        }

        return await conclusions
            .OrderBy(c => c.Number)
            .Select(ConclusionDto.Projection)
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
    }
}
