using Coordination.Application.Assignments;
using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Application.FocalPoints;
using Coordination.Application.Home;
using Coordination.Application.Organizations;
using Coordination.Application.Progress;
using Coordination.Domain.ActionPoints;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages;

/// <summary>
/// Home differs by role: the secretariat sees what needs attention, a focal point their organization's assignments by
/// urgency, a viewer the regional figures.
/// </summary>
public sealed class IndexModel(ISender sender, ICurrentUser user) : PageModel
{
    public ICurrentUser Person => user;

    public OrganizationDto? MyOrganization { get; private set; }

    public StatusOverviewDto? Overview { get; private set; }

    public Paged<ProgressQueueItemDto>? AwaitingValidation { get; private set; }

    public Paged<AssignmentDto>? Overdue { get; private set; }

    public IReadOnlyList<SilentOrganizationDto> Silent { get; private set; } = [];

    /// <summary>The focal point's open assignments, most urgent first; finished ones after.</summary>
    public IReadOnlyList<AssignmentDto> Mine { get; private set; } = [];

    public IReadOnlyList<AssignmentDto> MineFinished { get; private set; } = [];

    /// <summary>The focal point's open review cycles with what is still to report, and when the next ones open.</summary>
    public ReportingCyclesDto Reporting { get; private set; } = new([], []);

    /// <summary>The focal point's assignments without a report in an open cycle, flagged in their list too.</summary>
    public IReadOnlySet<Guid> MissingReport { get; private set; } = new HashSet<Guid>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (user.OrganizationId is { } organizationId)
            MyOrganization = await sender.Send(new GetOrganizationQuery(organizationId), cancellationToken);

        if (user.IsSecretariat())
        {
            AwaitingValidation = await sender.Send(new ListProgressUpdatesQuery(ProgressUpdateState.Submitted, PageSize: 5), cancellationToken);
            Overdue = await sender.Send(new ListAssignmentsQuery(Overdue: true, PageSize: 10), cancellationToken);
            Silent = await sender.Send(new ListSilentOrganizationsQuery(), cancellationToken);
            Overview = await sender.Send(new GetStatusOverviewQuery(), cancellationToken);
        }
        else if (user.IsInRole(Roles.FocalPoint))
        {
            var assignments = (await sender.Send(new ListAssignmentsQuery(PageSize: Paging.MaxPageSize), cancellationToken)).Items;
            Mine = assignments.Where(a => !IsFinished(a)).OrderBy(Urgency).ThenBy(a => a.DueDate).ToList();
            MineFinished = assignments.Where(IsFinished).ToList();
            Reporting = await sender.Send(new GetReportingCyclesQuery(), cancellationToken);
            MissingReport = Reporting.Open.SelectMany(c => c.Missing).Select(m => m.AssignmentId).ToHashSet();
        }
        else
        {
            Overview = await sender.Send(new GetStatusOverviewQuery(), cancellationToken);
        }
    }

    private static bool IsFinished(AssignmentDto a) => a.Status is AssignmentStatus.Completed or AssignmentStatus.Cancelled;

    /// <summary>Returned reports to revise first, then overdue, at risk, and the rest by due date.</summary>
    private static int Urgency(AssignmentDto a) =>
        a.ReturnedUpdateId is not null && !a.AwaitingValidation ? 0 : a.Overdue ? 1 : a.AtRisk ? 2 : 3;
}
