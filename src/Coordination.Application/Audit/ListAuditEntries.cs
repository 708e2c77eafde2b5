using System.Text.Json.Nodes;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Audit;

/// <summary>The audit log, newest first, optionally for one entity type or one entity.</summary>
public sealed record ListAuditEntriesQuery(string? EntityType = null, Guid? EntityId = null, int? Page = null, int? PageSize = null)
    : IQuery<Paged<AuditEntryDto>>, IPagedQuery, ISecretariatOnly;

/// <summary><c>before</c> and <c>after</c> are the changed properties' values as JSON objects; null when absent.</summary>
public sealed record AuditEntryDto(
    Guid Id, DateTime OccurredAt, Guid? UserId, string? UserEmail, string Action, string EntityType, Guid EntityId,
    string Change, JsonObject? Before, JsonObject? After);

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.EntityType).MaximumLength(100);
    }
}

public sealed class ListAuditEntriesHandler(ICoordinationDbContext db) : IQueryHandler<ListAuditEntriesQuery, Paged<AuditEntryDto>>
{
    public async ValueTask<Paged<AuditEntryDto>> Handle(ListAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            var entityType = query.EntityType.Trim();
            entries = entries.Where(a => a.EntityType == entityType);
        }

        if (query.EntityId is { } entityId)
            entries = entries.Where(a => a.EntityId == entityId);

        var page = await entries
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Select(a => new Row(a.Id, a.OccurredAt, a.UserId, a.UserEmail, a.Action, a.EntityType, a.EntityId, a.Change, a.Before, a.After))
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);

        return new Paged<AuditEntryDto>(
            [.. page.Items.Select(r => new AuditEntryDto(
                r.Id, r.OccurredAt, r.UserId, r.UserEmail, r.Action, r.EntityType, r.EntityId, r.Change, Parse(r.Before), Parse(r.After)))],
            page.Page, page.PageSize, page.TotalCount);
    }

    private static JsonObject? Parse(string? json) => string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject;

    private sealed record Row(
        Guid Id, DateTime OccurredAt, Guid? UserId, string? UserEmail, string Action, string EntityType, Guid EntityId,
        string Change, string? Before, string? After);
}
