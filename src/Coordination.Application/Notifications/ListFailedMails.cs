using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Notifications;

/// <summary>
/// Mails the dispatcher gave up on (refused by the mail service, or still failing after every attempt), newest first,
/// with the service's last answer: the secretariat's way to learn that someone was never told.
/// </summary>
public sealed record ListFailedMailsQuery(int? Page = null, int? PageSize = null)
    : IQuery<Paged<FailedMailDto>>, IPagedQuery, ISecretariatOnly;

public sealed record FailedMailDto(
    Guid Id, string Kind, string To, string? ToName, string Language, string Subject, DateTime CreatedAt, DateTime FailedAt,
    int Attempts, string? LastError);

public sealed class ListFailedMailsValidator : AbstractValidator<ListFailedMailsQuery>
{
    public ListFailedMailsValidator() => this.AddPagingRules();
}

public sealed class ListFailedMailsHandler(ICoordinationDbContext db) : IQueryHandler<ListFailedMailsQuery, Paged<FailedMailDto>>
{
    public async ValueTask<Paged<FailedMailDto>> Handle(ListFailedMailsQuery query, CancellationToken cancellationToken) =>
        await db.OutboxMessages.AsNoTracking()
            .Where(m => m.FailedAt != null && m.SentAt == null)
            .OrderByDescending(m => m.FailedAt).ThenBy(m => m.Id)
            .Select(m => new FailedMailDto(
                m.Id, m.Kind, m.To, m.ToName, m.Language, m.Subject, m.CreatedAt, m.FailedAt!.Value, m.Attempts, m.LastError))
            .ToPagedAsync(query.Page, query.PageSize, cancellationToken);
}
