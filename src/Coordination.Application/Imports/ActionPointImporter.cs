using System.Globalization;
using Coordination.Application.ActionPoints;
using Coordination.Application.Common.Abstractions;
using Coordination.Application.Common.Exceptions;
using Coordination.Application.Forums;
using Coordination.Application.Notifications;
using Coordination.Application.People;
using Coordination.Domain.ActionPoints;
using Coordination.Domain.Common;
using Coordination.Domain.Forums;
using Coordination.Domain.Organizations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Application.Imports;

/// <summary>
/// Checks plan rows against the forum's stored plan and, unless it is a dry run, writes them: conclusions by number,
/// action points by code, assignments by (action code, organization); only entities whose values differ are changed,
/// nothing is ever deleted. All rows or none: with any error nothing is written. Loads the forum's plan and the
/// organizations once; saves the conclusions and action points at once, then the new assignments in batches (the caller
/// owns the transaction around all of it: the command pipeline, or a job's unit of work). A commit leaves the change
/// tracker cleared of most of what it saved: entities the caller tracked before (but for action points, organizations
/// and forums) are detached afterwards, so reload what is needed after the call. The new assignments are announced in
/// one mail per organization's focal point, not one per assignment (see <see cref="ImportedAssignmentsMail"/>).
/// The rules are the use cases' validators and the domain's factories, run on throwaway objects: none is repeated here.
/// </summary>
public sealed class ActionPointImporter(
    ICoordinationDbContext db,
    MailOutbox outbox,
    IValidator<CreateConclusionCommand> conclusionRules,
    IValidator<CreateActionPointCommand> actionPointRules,
    IValidator<AssignActionPointCommand> assignmentRules,
    IAccounts accounts,
    IPublicBaseUrl baseUrl,
    TimeProvider clock)
{
    /// <summary>Rows checked between two progress reports and cancellation checks.</summary>
    private const int ProgressStep = 250;

    /// <summary>
    /// New assignments saved together, after the conclusions and action points (all in the caller's transaction): a
    /// progress step of the background job. Each batch's handlers find what they look up in memory (see ForgetSaved).
    /// </summary>
    private const int AssignmentBatch = 500;

    /// <param name="progress">Percent done, 0 to 100: checking the rows goes to 80, the write takes the rest.</param>
    public async Task<ImportReport> RunAsync(
        Guid forumId, IReadOnlyList<PlanRow> rows, bool dryRun, IProgress<int>? progress, CancellationToken ct)
    {
        progress?.Report(0);
        var stored = await StoredPlan.LoadAsync(db, forumId, tracked: !dryRun, ct);
        var check = new Check(forumId, stored, conclusionRules, actionPointRules, assignmentRules);
        for (var i = 0; i < rows.Count; i++)
        {
            check.Row(rows[i]);
            if ((i + 1) % ProgressStep == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report((int)((i + 1) * 80L / rows.Count));
            }
        }

        var counts = check.Compare();
        var errors = check.Errors
            .OrderBy(e => e.Row)
            .ThenBy(e => PlanFormat.Find(e.Column)?.Index ?? -1)
            .ToList();
        var written = !dryRun && errors.Count == 0;
        if (written)
        {
            check.ApplyChanges(db);
            await db.SaveChangesAsync(ct);
            var created = check.NewAssignments();
            var made = new List<(Organization Organization, Assignment Assignment)>(created.Count);
            using (ImportedAssignmentsMail.Bundle())
            {
                for (var start = 0; start < created.Count; start += AssignmentBatch)
                {
                    ForgetSaved();
                    made.AddRange(check.Assign(db, created.Skip(start).Take(AssignmentBatch)));
                    await SaveAddedAsync(ct);
                    progress?.Report(85 + (int)(15L * Math.Min(start + AssignmentBatch, created.Count) / created.Count));
                }
            }

            await AnnounceAsync(stored.Forum.Title, made, ct);
        }

        progress?.Report(100);
        return new ImportReport(
            rows.Count, counts.ConclusionsCreated, counts.ConclusionsUpdated, counts.ActionPointsCreated,
            counts.ActionPointsUpdated, counts.AssignmentsCreated, counts.AssignmentsUpdated, counts.Unchanged,
            errors, dryRun, written);
    }

    /// <summary>
    /// Stops tracking what is saved already, but for what the new assignments' handlers look up by key (their action
    /// points, organizations and forum), which they then find in memory instead of querying once per assignment. The
    /// rest (assignments, status rows, audit entries) would make every save walk an ever longer list.
    /// </summary>
    private void ForgetSaved()
    {
        if (db is not DbContext context)
            return;
        var saved = context.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Unchanged && e.Entity is not (ActionPoint or Organization or Forum))
            .ToList();
        foreach (var entry in saved)
            entry.State = EntityState.Detached;
    }

    /// <summary>
    /// Saves a batch that only adds rows (the assignments, and from their handlers status rows) with automatic change
    /// detection off: nothing tracked is modified, and the interceptors' walks over the tracked entities would otherwise
    /// detect changes over all of them. Added entities are written from their current values.
    /// </summary>
    private async Task SaveAddedAsync(CancellationToken ct)
    {
        if (db is not DbContext context)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        context.ChangeTracker.DetectChanges();
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>
    /// One mail per focal point of each organization given new assignments, with their count, in this transaction; the
    /// assignments' own mails were not written (see <see cref="ImportedAssignmentsMail"/>). A re-import creates none.
    /// </summary>
    private async Task AnnounceAsync(string forumTitle, List<(Organization Organization, Assignment Assignment)> made, CancellationToken ct)
    {
        var imported = made
            .GroupBy(m => m.Organization.Id)
            .Select(g => new ImportedAssignments(g.Key, g.First().Organization.Name, g.First().Assignment.Id, g.Count()))
            .ToList();
        await ImportedAssignmentsMail.WriteAsync(outbox, accounts, baseUrl, clock, forumTitle, imported, ct);
        await db.SaveChangesAsync(ct);
    }

    private sealed record Counts(
        int ConclusionsCreated, int ConclusionsUpdated, int ActionPointsCreated, int ActionPointsUpdated,
        int AssignmentsCreated, int AssignmentsUpdated, int Unchanged);

    /// <summary>The forum's plan as stored, loaded in a few queries; tracked only when it may be written.</summary>
    private sealed class StoredPlan
    {
        public required Forum Forum { get; init; }

        public required List<Organization> Organizations { get; init; }

        public required Dictionary<int, Conclusion> ConclusionsByNumber { get; init; }

        public required Dictionary<Guid, Conclusion> ConclusionsById { get; init; }

        public required Dictionary<string, ActionPoint> ActionPointsByCode { get; init; }

        public required Dictionary<(Guid ActionPointId, Guid OrganizationId), Assignment> Assignments { get; init; }

        public required ILookup<string, Organization> OrganizationsByAcronym { get; init; }

        public static async Task<StoredPlan> LoadAsync(ICoordinationDbContext db, Guid forumId, bool tracked, CancellationToken ct)
        {
            IQueryable<T> Read<T>(DbSet<T> set)
                where T : class => tracked ? set : set.AsNoTracking();

            var forum = await Read(db.Forums).SingleOrDefaultAsync(f => f.Id == forumId, ct)
                ?? throw new NotFoundException("Forum", forumId);

            // Tracked when writing, so the status projector's look-ups of organizations and rows find them in memory.
            var organizations = await Read(db.Organizations).ToListAsync(ct);
            var conclusions = await Read(db.Conclusions).Where(c => c.ForumId == forumId).ToListAsync(ct);
            var actionPoints = await Read(db.ActionPoints).Where(a => a.ForumId == forumId).ToListAsync(ct);
            var assignments = await (
                from assignment in Read(db.Assignments)
                join actionPoint in db.ActionPoints on assignment.ActionPointId equals actionPoint.Id
                where actionPoint.ForumId == forumId
                select assignment).ToListAsync(ct);
            if (tracked)
                await db.AssignmentStatuses.Where(s => s.ForumId == forumId).LoadAsync(ct);

            return new StoredPlan
            {
                Forum = forum,
                Organizations = organizations,
                ConclusionsByNumber = conclusions.ToDictionary(c => c.Number),
                ConclusionsById = conclusions.ToDictionary(c => c.Id),
                ActionPointsByCode = actionPoints.ToDictionary(a => a.Code, StringComparer.Ordinal),
                Assignments = assignments.ToDictionary(a => (a.ActionPointId, a.OrganizationId)),
                OrganizationsByAcronym = organizations.ToLookup(o => o.Acronym.Trim(), StringComparer.OrdinalIgnoreCase),
            };
        }
    }

    private sealed class ConclusionEntry(PlanRow source, int number, string text, string theme, IReadOnlyList<int> gcm, IReadOnlyList<string> sdg)
    {
        public PlanRow Source { get; } = source;

        public int Number { get; } = number;

        public string Text { get; } = text;

        public string Theme { get; } = theme;

        public IReadOnlyList<int> Gcm { get; } = gcm;

        public IReadOnlyList<string> Sdg { get; } = sdg;

        /// <summary>The file's values as the domain keeps them; null when the row has errors.</summary>
        public Conclusion? Candidate { get; set; }

        public Conclusion? Existing { get; set; }

        public bool Changed { get; set; }

        /// <summary>The entity written (created or existing), set when applying.</summary>
        public Conclusion? Saved { get; set; }
    }

    private sealed class ActionPointEntry(
        PlanRow source, string code, int? conclusionNumber, string title, string? description, Priority priority,
        DateOnly startDate, DateOnly dueDate, IndicatorInput? indicator)
    {
        public PlanRow Source { get; } = source;

        public string Code { get; } = code;

        public int? ConclusionNumber { get; } = conclusionNumber;

        public string Title { get; } = title;

        public string? Description { get; } = description;

        public Priority Priority { get; } = priority;

        public DateOnly StartDate { get; } = startDate;

        public DateOnly DueDate { get; } = dueDate;

        public IndicatorInput? Indicator { get; } = indicator;

        public ActionPoint? Candidate { get; set; }

        public ActionPoint? Existing { get; set; }

        public bool Changed { get; set; }

        public ActionPoint? Saved { get; set; }
    }

    private sealed class AssignmentEntry(PlanRow source, ActionPointEntry actionPoint, Organization organization, AssignmentRole role, DateOnly? dueDate)
    {
        public PlanRow Source { get; } = source;

        public ActionPointEntry ActionPoint { get; } = actionPoint;

        public Organization Organization { get; } = organization;

        public AssignmentRole Role { get; } = role;

        public DateOnly? DueDate { get; } = dueDate;

        public Assignment? Candidate { get; set; }

        public Assignment? Existing { get; set; }

        public bool Changed { get; set; }
    }

    /// <summary>One import's checking state: the entities found in the file, in file order, and the errors.</summary>
    private sealed class Check(
        Guid forumId,
        StoredPlan stored,
        IValidator<CreateConclusionCommand> conclusionRules,
        IValidator<CreateActionPointCommand> actionPointRules,
        IValidator<AssignActionPointCommand> assignmentRules)
    {
        /// <summary>Stands for an id the checks need not to be empty; the real one is known only when writing.</summary>
        private static readonly Guid Placeholder = new("00000000-0000-0000-0000-000000000001");

        private static readonly Dictionary<string, PlanColumn> ConclusionFields = new(StringComparer.Ordinal)
        {
            [nameof(CreateConclusionCommand.Number)] = PlanFormat.ConclusionNumber,
            [nameof(CreateConclusionCommand.Text)] = PlanFormat.ConclusionText,
            [nameof(CreateConclusionCommand.Theme)] = PlanFormat.Theme,
            [nameof(CreateConclusionCommand.GcmObjectives)] = PlanFormat.GcmObjectives,
            [nameof(CreateConclusionCommand.SdgTargets)] = PlanFormat.SdgTargets,
        };

        private static readonly Dictionary<string, PlanColumn> ActionPointFields = new(StringComparer.Ordinal)
        {
            [nameof(CreateActionPointCommand.Code)] = PlanFormat.ActionCode,
            [nameof(CreateActionPointCommand.Title)] = PlanFormat.ActionTitle,
            [nameof(CreateActionPointCommand.Description)] = PlanFormat.ActionDescription,
            [nameof(CreateActionPointCommand.Priority)] = PlanFormat.Priority,
            [nameof(CreateActionPointCommand.StartDate)] = PlanFormat.StartDate,
            [nameof(CreateActionPointCommand.DueDate)] = PlanFormat.DueDate,
            ["Indicator.Baseline"] = PlanFormat.IndicatorBaseline,
            ["Indicator.Target"] = PlanFormat.IndicatorTarget,
            ["Indicator.Unit"] = PlanFormat.IndicatorUnit,
            [nameof(CreateActionPointCommand.Indicator)] = PlanFormat.IndicatorTarget,
        };

        private static readonly Dictionary<string, PlanColumn> AssignmentFields = new(StringComparer.Ordinal)
        {
            [nameof(AssignActionPointCommand.OrganizationId)] = PlanFormat.Organization,
            [nameof(AssignActionPointCommand.Role)] = PlanFormat.Role,
            [nameof(AssignActionPointCommand.DueDate)] = PlanFormat.AssignmentDueDate,
        };

        private static readonly PlanColumn[] ConclusionColumns =
            [PlanFormat.ConclusionText, PlanFormat.Theme, PlanFormat.GcmObjectives, PlanFormat.SdgTargets];

        private static readonly PlanColumn[] ActionPointColumns =
        [
            PlanFormat.ConclusionNumber, PlanFormat.ActionTitle, PlanFormat.ActionDescription, PlanFormat.Priority,
            PlanFormat.StartDate, PlanFormat.DueDate, PlanFormat.IndicatorBaseline, PlanFormat.IndicatorTarget,
            PlanFormat.IndicatorUnit,
        ];

        private readonly Dictionary<int, ConclusionEntry> _conclusions = [];
        private readonly Dictionary<string, ActionPointEntry> _actionPoints = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Code, Guid OrganizationId), AssignmentEntry> _assignments = [];

        /// <summary>Columns already reported on the row being checked, so a cell gets one error, not two.</summary>
        private readonly HashSet<string> _failed = new(StringComparer.Ordinal);

        private PlanRow _row = null!;

        public List<ImportError> Errors { get; } = [];

        public void Row(PlanRow row)
        {
            _row = row;
            _failed.Clear();
            foreach (var error in row.ReadErrors)
                Fail(PlanFormat.Find(error.Column) ?? PlanFormat.ConclusionNumber, error.Message);

            var conclusion = CheckConclusion();
            var actionPoint = CheckActionPoint(conclusion);
            CheckAssignment(actionPoint);
        }

        private void Fail(PlanColumn column, string message)
        {
            if (_failed.Add(column.Name))
                Errors.Add(new ImportError(_row.RowNumber, column.Name, message));
        }

        private bool Failed(PlanColumn column) => _failed.Contains(column.Name);

        private void FailAll(FluentValidation.Results.ValidationResult result, Dictionary<string, PlanColumn> fields, PlanColumn fallback)
        {
            foreach (var failure in result.Errors)
                Fail(fields.GetValueOrDefault(failure.PropertyName, fallback), failure.ErrorMessage);
        }

        private bool AnyFailed(IEnumerable<PlanColumn> columns) => columns.Any(Failed);

        /// <summary>A later row of a conclusion or action point must repeat the first row's cells.</summary>
        private void EnsureSame(PlanRow first, IEnumerable<PlanColumn> columns, string what)
        {
            foreach (var column in columns.Where(c => !Failed(c)))
            {
                if (!string.Equals(first[column], _row[column], StringComparison.OrdinalIgnoreCase))
                    Fail(column, $"{what} has another {column.Name} on row {first.RowNumber}: every row of it must repeat the same values.");
            }
        }

        private ConclusionEntry? CheckConclusion()
        {
            int? number = null;
            if (!Failed(PlanFormat.ConclusionNumber))
            {
                if (_row.ConclusionNumber.Length == 0)
                    Fail(PlanFormat.ConclusionNumber, "The conclusion number is required.");
                else if (int.TryParse(_row.ConclusionNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                    number = parsed;
                else
                    Fail(PlanFormat.ConclusionNumber, $"'{_row.ConclusionNumber}' is not a conclusion number: write a whole number like 4.");
            }

            if (number is not { } n)
                return null;
            if (_conclusions.TryGetValue(n, out var seen))
            {
                EnsureSame(seen.Source, ConclusionColumns, $"Conclusion {n}");
                return seen;
            }

            var gcm = SplitList(PlanFormat.GcmObjectives, cell => int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out _), "is not a GCM objective number")
                .Select(cell => int.Parse(cell, CultureInfo.InvariantCulture)).ToList();
            var sdg = SplitList(PlanFormat.SdgTargets, _ => true, "");
            var entry = new ConclusionEntry(_row, n, _row.ConclusionText, _row.Theme, gcm, sdg);
            _conclusions[n] = entry;

            FailAll(conclusionRules.Validate(new CreateConclusionCommand(forumId, n, entry.Text, entry.Theme, gcm, sdg)), ConclusionFields, PlanFormat.ConclusionText);
            if (AnyFailed(ConclusionColumns))
                return entry;
            entry.Candidate = Attempt(PlanFormat.ConclusionText, () => Conclusion.Create(forumId, n, entry.Text, entry.Theme, gcm, sdg));
            return entry;
        }

        private ActionPointEntry? CheckActionPoint(ConclusionEntry? conclusion)
        {
            var code = _row.ActionCode;
            if (code.Length > 0 && _actionPoints.TryGetValue(code, out var seen))
            {
                EnsureSame(seen.Source, ActionPointColumns, $"Action point {code}");
                return seen;
            }

            var priority = ParseEnum<Priority>(_row.Priority);
            var start = ParseDate(PlanFormat.StartDate) ?? default;
            var due = ParseDate(PlanFormat.DueDate) ?? default;
            var baseline = ParseDecimal(PlanFormat.IndicatorBaseline);
            var target = ParseDecimal(PlanFormat.IndicatorTarget);
            var unit = _row.IndicatorUnit.Length == 0 ? null : _row.IndicatorUnit;
            var indicator = baseline is null && target is null && unit is null ? null : new IndicatorInput(baseline, target, unit);
            var description = _row.ActionDescription.Length == 0 ? null : _row.ActionDescription;

            var command = new CreateActionPointCommand(Placeholder, code, _row.ActionTitle, description, priority, start, due, indicator);
            FailAll(actionPointRules.Validate(command), ActionPointFields, PlanFormat.ActionCode);
            if (code.Length == 0 || Failed(PlanFormat.ActionCode))
                return null;

            var entry = new ActionPointEntry(_row, code, conclusion?.Number, _row.ActionTitle, description, priority, start, due, indicator);
            _actionPoints[code] = entry;
            if (conclusion is null || AnyFailed(ActionPointColumns))
                return entry;
            entry.Candidate = Attempt(PlanFormat.ActionCode, () => ActionPoint.Create(
                forumId, Placeholder, code, entry.Title, description, priority, start, due, indicator?.ToIndicator()));
            return entry;
        }

        private void CheckAssignment(ActionPointEntry? actionPoint)
        {
            if (_row.Organization.Length == 0)
            {
                if (_row.Role.Length > 0 || _row.Country.Length > 0 || _row.AssignmentDueDate.Length > 0)
                    Fail(PlanFormat.Organization, "The organization is required when a role, a country or an assignment due date is given.");
                return;
            }

            var organization = FindOrganization();
            var role = ParseEnum<AssignmentRole>(_row.Role);
            var due = ParseDate(PlanFormat.AssignmentDueDate);
            var command = new AssignActionPointCommand(Placeholder, organization?.Id ?? Placeholder, role, due);
            FailAll(assignmentRules.Validate(command), AssignmentFields, PlanFormat.Organization);
            if (organization is null || actionPoint is null)
                return;

            var key = (actionPoint.Code, organization.Id);
            if (_assignments.TryGetValue(key, out var seen))
            {
                if (seen.Role != role || seen.DueDate != due)
                    Fail(PlanFormat.Organization, $"{organization.Acronym} is assigned action point {actionPoint.Code} on row {seen.Source.RowNumber} too, with another role or due date.");
                return;
            }

            if (AnyFailed([PlanFormat.Organization, PlanFormat.Country, PlanFormat.Role, PlanFormat.AssignmentDueDate]))
                return;
            var entry = new AssignmentEntry(_row, actionPoint, organization, role, due);
            _assignments[key] = entry;
            if (actionPoint.Candidate is { } candidate)
                entry.Candidate = Attempt(PlanFormat.AssignmentDueDate, () => Assignment.Create(candidate, organization.Id, role, due));
        }

        /// <summary>By id, else by acronym (narrowed by the row's country when several share it); then the country must match.</summary>
        private Organization? FindOrganization()
        {
            var cell = _row.Organization;
            var country = _row.Country;
            List<Organization> found = Guid.TryParse(cell, out var id)
                ? [.. stored.Organizations.Where(o => o.Id == id)]
                : [.. stored.OrganizationsByAcronym[cell]];
            if (found.Count > 1 && country.Length > 0)
                found = [.. found.Where(o => string.Equals(o.CountryCode, country, StringComparison.OrdinalIgnoreCase))];

            switch (found.Count)
            {
                case 0 when Guid.TryParse(cell, out _) || !stored.OrganizationsByAcronym.Contains(cell):
                    Fail(PlanFormat.Organization, $"No organization has the acronym or id '{cell}'.");
                    return null;
                case 0:
                    Fail(PlanFormat.Country, $"No organization with the acronym {cell} is in {country}.");
                    return null;
                case > 1:
                    Fail(PlanFormat.Organization, $"Several organizations have the acronym {cell}: give the country or write the organization's id.");
                    return null;
            }

            var organization = found[0];
            if (!organization.IsActive)
            {
                Fail(PlanFormat.Organization, $"{organization.Name} is deactivated and cannot be assigned action points.");
                return null;
            }

            if (country.Length > 0 && !string.Equals(organization.CountryCode, country, StringComparison.OrdinalIgnoreCase))
            {
                Fail(PlanFormat.Country, organization.CountryCode is { } code
                    ? $"{organization.Acronym} is in {code}, not {country}."
                    : $"{organization.Acronym} belongs to no country: leave the country empty.");
            }

            return organization;
        }

        private T? Attempt<T>(PlanColumn column, Func<T> create)
            where T : class
        {
            try
            {
                return create();
            }
            catch (DomainException rule)
            {
                Fail(column, rule.Message);
                return null;
            }
        }

        /// <summary>An unknown name becomes an undefined value, so the use case's validator says what is allowed.</summary>
        private static T ParseEnum<T>(string cell)
            where T : struct, Enum =>
            cell.Length > 0 && char.IsLetter(cell[0]) && Enum.TryParse<T>(cell, ignoreCase: true, out var value)
                ? value
                : (T)(object)(-1);

        private DateOnly? ParseDate(PlanColumn column)
        {
            var cell = _row[column];
            if (cell.Length == 0 || Failed(column))
                return null;
            if (DateOnly.TryParseExact(cell, PlanFormat.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            Fail(column, $"'{cell}' is not a date: write it as yyyy-MM-dd, e.g. 2023-12-31.");
            return null;
        }

        private decimal? ParseDecimal(PlanColumn column)
        {
            var cell = _row[column];
            if (cell.Length == 0 || Failed(column))
                return null;
            if (decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return number;
            Fail(column, $"'{cell}' is not a number: write it with a '.' decimal point, e.g. 12.5.");
            return null;
        }

        private List<string> SplitList(PlanColumn column, Func<string, bool> isItem, string notOne)
        {
            var items = new List<string>();
            foreach (var part in _row[column].Split(PlanFormat.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (isItem(part))
                    items.Add(part);
                else
                    Fail(column, $"'{part}' {notOne}; separate several with '{PlanFormat.ListSeparator}'.");
            }

            return items;
        }

        /// <summary>Pairs the file's entities with the stored ones and counts what a commit would create or change.</summary>
        public Counts Compare()
        {
            int conclusionsCreated = 0, conclusionsUpdated = 0, actionPointsCreated = 0, actionPointsUpdated = 0;
            int assignmentsCreated = 0, assignmentsUpdated = 0, unchanged = 0;
            foreach (var entry in _conclusions.Values.Where(e => e.Candidate is not null))
            {
                var candidate = entry.Candidate!;
                entry.Existing = stored.ConclusionsByNumber.GetValueOrDefault(entry.Number);
                entry.Changed = entry.Existing is { } existing && (existing.Text != candidate.Text || existing.Theme != candidate.Theme
                    || !existing.GcmObjectives.SequenceEqual(candidate.GcmObjectives) || !existing.SdgTargets.SequenceEqual(candidate.SdgTargets));
                Count(entry.Existing is null, entry.Changed, ref conclusionsCreated, ref conclusionsUpdated, ref unchanged);
            }

            foreach (var entry in _actionPoints.Values.Where(e => e.Candidate is not null))
            {
                var candidate = entry.Candidate!;
                entry.Existing = stored.ActionPointsByCode.GetValueOrDefault(entry.Code);
                entry.Changed = entry.Existing is { } existing && (
                    stored.ConclusionsById.GetValueOrDefault(existing.ConclusionId)?.Number != entry.ConclusionNumber
                    || existing.Title != candidate.Title || existing.Description != candidate.Description
                    || existing.Priority != candidate.Priority || existing.StartDate != candidate.StartDate
                    || existing.DueDate != candidate.DueDate || existing.Indicator != candidate.Indicator);
                Count(entry.Existing is null, entry.Changed, ref actionPointsCreated, ref actionPointsUpdated, ref unchanged);
            }

            foreach (var entry in _assignments.Values.Where(e => e.Candidate is not null))
            {
                var candidate = entry.Candidate!;
                entry.Existing = entry.ActionPoint.Existing is { } actionPoint
                    ? stored.Assignments.GetValueOrDefault((actionPoint.Id, entry.Organization.Id))
                    : null;
                entry.Changed = entry.Existing is { } existing && (existing.Role != candidate.Role || existing.DueDate != candidate.DueDate);
                if (entry.Changed && entry.Existing!.IsCancelled)
                {
                    Errors.Add(new ImportError(entry.Source.RowNumber, PlanFormat.Organization.Name,
                        $"The assignment of {entry.ActionPoint.Code} to {entry.Organization.Acronym} was cancelled: it cannot be changed."));
                }

                Count(entry.Existing is null, entry.Changed, ref assignmentsCreated, ref assignmentsUpdated, ref unchanged);
            }

            return new Counts(conclusionsCreated, conclusionsUpdated, actionPointsCreated, actionPointsUpdated, assignmentsCreated, assignmentsUpdated, unchanged);
        }

        private static void Count(bool created, bool changed, ref int createdCount, ref int updatedCount, ref int unchangedCount)
        {
            if (created)
                createdCount++;
            else if (changed)
                updatedCount++;
            else
                unchangedCount++;
        }

        /// <summary>Writes the differences through the domain, all but the new assignments, which are saved apart.</summary>
        public void ApplyChanges(ICoordinationDbContext db)
        {
            foreach (var entry in _conclusions.Values)
            {
                if (entry.Existing is not { } existing)
                {
                    entry.Saved = Conclusion.Create(forumId, entry.Number, entry.Text, entry.Theme, entry.Gcm, entry.Sdg);
                    db.Conclusions.Add(entry.Saved);
                    continue;
                }

                if (entry.Changed)
                    existing.Change(entry.Number, entry.Text, entry.Theme, entry.Gcm, entry.Sdg);
                entry.Saved = existing;
            }

            foreach (var entry in _actionPoints.Values)
            {
                var conclusionId = _conclusions[entry.ConclusionNumber!.Value].Saved!.Id;
                if (entry.Existing is not { } existing)
                {
                    entry.Saved = ActionPoint.Create(
                        forumId, conclusionId, entry.Code, entry.Title, entry.Description, entry.Priority, entry.StartDate,
                        entry.DueDate, entry.Indicator?.ToIndicator());
                    db.ActionPoints.Add(entry.Saved);
                    continue;
                }

                if (entry.Changed)
                {
                    existing.Change(
                        conclusionId, entry.Code, entry.Title, entry.Description, entry.Priority, entry.StartDate,
                        entry.DueDate, entry.Indicator?.ToIndicator());
                }

                entry.Saved = existing;
            }

            foreach (var entry in _assignments.Values)
            {
                if (entry.Existing is null)
                    stored.Forum.AddParticipant(entry.Organization.Id); // saved now: the assignments come in batches
                else if (entry.Changed)
                    entry.Existing.Change(entry.ActionPoint.Saved!, entry.Role, entry.DueDate);
            }
        }

        /// <summary>The assignments to create; their organizations already take part in the forum (see <see cref="ApplyChanges"/>).</summary>
        public List<AssignmentEntry> NewAssignments() => [.. _assignments.Values.Where(e => e.Existing is null)];

        public IEnumerable<(Organization Organization, Assignment Assignment)> Assign(ICoordinationDbContext db, IEnumerable<AssignmentEntry> entries) =>
            [.. entries.Select(entry => (entry.Organization,
                Assigning.Assign(db, entry.ActionPoint.Saved!, stored.Forum, entry.Organization, entry.Role, entry.DueDate)))];
    }
}
