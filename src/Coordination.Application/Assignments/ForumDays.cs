using System.Linq.Expressions;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Security;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.Forums;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Assignments;

/// <summary>
/// "Today" in each forum, the day the overdue and at-risk flags are decided on: the day in the forum's time zone
/// (<see cref="ForumCalendar"/>), as the forum's reports and the home overview count it, so that around midnight no
/// page calls an assignment overdue that another does not. A forum not loaded (or without a time zone) counts on
/// UTC's day, the calendar's default.
/// </summary>
internal sealed class ForumDays
{
    private readonly int utcToday;

    /// <summary>Only the forums whose day is not UTC's at the moment: usually few or none.</summary>
    private readonly Dictionary<Guid, int> otherDays;

    private ForumDays(int utcToday, Dictionary<Guid, int> otherDays)
    {
        this.utcToday = utcToday;
        this.otherDays = otherDays;
    }

    public static ForumDays Of(TimeProvider clock, IEnumerable<Forum> forums)
    {
        var utcToday = clock.Today(TimeZoneInfo.Utc).DayNumber;
        var otherDays = forums.Select(f => (f.Id, Day: clock.Today(f).DayNumber))
            .Where(f => f.Day != utcToday)
            .ToDictionary(f => f.Id, f => f.Day);
        return new ForumDays(utcToday, otherDays);
    }

    /// <summary>The days of <paramref name="forums"/>: the forums are read (their time zones live in the schedule).</summary>
    public static async Task<ForumDays> OfAsync(TimeProvider clock, IQueryable<Forum> forums, CancellationToken cancellationToken) =>
        Of(clock, await forums.AsNoTracking().IgnoreAutoIncludes().ToListAsync(cancellationToken));

    /// <summary>The days of the forums <paramref name="user"/> reads (only <paramref name="forumId"/>'s when given), for a list.</summary>
    public static Task<ForumDays> OfReadableAsync(
        ICoordinationDbContext db, ICurrentUser user, TimeProvider clock, Guid? forumId, CancellationToken cancellationToken)
    {
        var forums = db.ReadableForums(user);
        if (forumId is { } id)
            forums = forums.Where(f => f.Id == id);
        return OfAsync(clock, forums, cancellationToken);
    }

    public int Today(Guid forumId) => otherDays.TryGetValue(forumId, out var day) ? day : utcToday;

    /// <summary>
    /// Overdue (or, for <paramref name="overdue"/> false, not overdue) each on its forum's day, from the one definition
    /// in <see cref="AssignmentFlags"/>, for the database: one term per distinct day (a region spans one or two), the
    /// forums on another day than UTC's named by id, all others on UTC's day.
    /// </summary>
    public Expression<Func<AssignmentCurrentStatus, bool>> Overdue(bool overdue)
    {
        var row = Expression.Parameter(typeof(AssignmentCurrentStatus), "s");
        var body = Inline(AssignmentFlags.Overdue(utcToday), row);
        if (otherDays.Count > 0)
        {
            var listed = otherDays.Keys.ToList();
            body = Expression.AndAlso(Expression.Not(Inline(s => listed.Contains(s.ForumId), row)), body);
            foreach (var day in otherDays.GroupBy(f => f.Value, f => f.Key))
            {
                var ids = day.ToList();
                body = Expression.OrElse(
                    body, Expression.AndAlso(Inline(s => ids.Contains(s.ForumId), row), Inline(AssignmentFlags.Overdue(day.Key), row)));
            }
        }

        return Expression.Lambda<Func<AssignmentCurrentStatus, bool>>(overdue ? body : Expression.Not(body), row);
    }

    private static Expression Inline(Expression<Func<AssignmentCurrentStatus, bool>> predicate, ParameterExpression row) =>
        new Rebind(predicate.Parameters[0], row).Visit(predicate.Body);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
