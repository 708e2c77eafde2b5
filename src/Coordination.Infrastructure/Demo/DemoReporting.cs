using Coordination.Domain.ActionPoints;
using Coordination.Infrastructure.Identity;
using Coordination.Infrastructure.Persistence;

namespace Coordination.Infrastructure.Demo;

/// <summary>
/// One assignment's demo history, applied through the domain up to a moment at a time, so that the review cycles can
/// open and close in between and find the assignment as it stood then.
/// </summary>
internal sealed class DemoReporting(Assignment assignment, string acronym, ApplicationUser reporter, IEnumerable<(DemoStep Step, DateTime SubmittedAt)> steps)
{
    /// <summary>The secretariat answers two days after a report.</summary>
    private static readonly TimeSpan ReviewedAfter = TimeSpan.FromDays(2);

    private readonly List<(DemoStep Step, DateTime SubmittedAt)> _steps = [.. steps];
    private int _applied;
    private ProgressUpdate? _returned;

    public string Acronym { get; } = acronym;

    /// <summary>The status and percent the history leaves the assignment with (its last accepted report).</summary>
    public (AssignmentStatus Status, int Percent) Final =>
        _steps.LastOrDefault(s => s.Step.Outcome == DemoOutcome.Accepted) is { Step: { } last }
            ? (last.Status, last.Percent)
            : (AssignmentStatus.NotStarted, 0);

    public bool ReportsSince(DateTime moment) => _steps.Any(s => s.SubmittedAt >= moment);

    /// <summary>A report after the history's last one.</summary>
    public void Add(DemoStep step, DateTime submittedAt) => _steps.Add((step, submittedAt));

    /// <summary>Submits (and answers) the reports made before <paramref name="moment"/> not yet applied, each filed under the cycle open then.</summary>
    public void ApplyUntil(DateTime moment, CoordinationDbContext db, ApplicationUser secretariat, bool requiresValidation, Func<DateTime, Guid?> cycleAt)
    {
        for (; _applied < _steps.Count && _steps[_applied].SubmittedAt < moment; _applied++)
        {
            var (step, submittedAt) = _steps[_applied];
            var update = assignment.Report(
                new ProgressReport(step.Status, step.Percent, step.Narrative, step.Obstacles, null, step.Evidence, null, cycleAt(submittedAt)),
                new Reporter(reporter.Id, reporter.DisplayName, assignment.OrganizationId), submittedAt, requiresValidation, _returned);
            db.ProgressUpdates.Add(update);
            _returned = null;
            if (step.Outcome == DemoOutcome.Accepted)
            {
                assignment.Accept(update, secretariat.Id, secretariat.DisplayName, submittedAt + ReviewedAfter);
            }
            else if (step.Outcome == DemoOutcome.Returned)
            {
                assignment.Return(update, secretariat.Id, secretariat.DisplayName, step.Comment!, submittedAt + ReviewedAfter);
                _returned = update;
            }
        }
    }
}
