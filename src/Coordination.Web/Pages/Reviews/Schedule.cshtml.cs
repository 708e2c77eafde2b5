using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Coordination.Application.Common.Security;
using Coordination.Application.Forums;
using Coordination.Application.ReviewCycles;
using Coordination.Domain.ReviewCycles;
using Coordination.Web.Setup;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Pages.Reviews;

/// <summary>Sets or changes a forum's review schedule (secretariat); the command replans the cycles not opened yet.</summary>
[Authorize(Roles = Roles.Secretariat)]
public sealed class ScheduleModel(ISender sender, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string DefaultTimeZone = "America/Santo_Domingo";

    [BindProperty(SupportsGet = true, Name = "forum")]
    public Guid ForumId { get; set; }

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public ForumDto Forum { get; private set; } = default!;

    public bool HasSchedule { get; private set; }

    public static IReadOnlyList<ReviewRecurrence> Recurrences { get; } = Enum.GetValues<ReviewRecurrence>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var schedule = await LoadAsync(cancellationToken);
        Input = schedule is null ? ScheduleInput.Default(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) : ScheduleInput.From(schedule);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var offsets = ParseOffsets(Input.ReminderOffsets);
        if (offsets is null)
            ModelState.AddModelError("Input.ReminderOffsets", text["Write the days as whole numbers separated by commas, e.g. 14, 7, 1."]);
        if (!ModelState.IsValid)
            return Page();

        var (ok, _) = await this.TrySendAsync(
            sender,
            new SetReviewScheduleCommand(
                ForumId, Input.Recurrence, Input.Recurrence == ReviewRecurrence.Cron ? Input.CronExpression?.Trim() : null, Input.FirstOpensOn,
                Input.WindowDays, offsets!.Count == 0 ? null : offsets, Input.MeetingDaysAfterDeadline, Input.TimeZone?.Trim()),
            cancellationToken: cancellationToken);
        if (!ok)
            return Page();

        TempData["Notice"] = text["The review schedule of {0} is saved. Its cycles are created and opened on their day.", Forum.Title].Value;
        return Redirect(ReviewReads.ForumLink(ForumId));
    }

    private async Task<ReviewScheduleDto?> LoadAsync(CancellationToken cancellationToken)
    {
        Forum = await sender.Send(new GetForumQuery(ForumId), cancellationToken);
        var schedule = await sender.Send(new GetReviewScheduleQuery(ForumId), cancellationToken);
        HasSchedule = schedule is not null;
        return schedule;
    }

    /// <summary>"14, 7, 1" as numbers; empty means the usual reminders; null when a part is not a whole number.</summary>
    private static List<int>? ParseOffsets(string? written)
    {
        var days = new List<int>();
        foreach (var part in (written ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var day))
                return null;
            days.Add(day);
        }

        return days;
    }

    /// <summary>The schedule's fields; the names are the command's, so its messages land beside them.</summary>
    public sealed class ScheduleInput
    {
        [Required(ErrorMessage = "Choose how often the reviews recur.")]
        [Display(Name = "Recurrence")]
        public ReviewRecurrence? Recurrence { get; set; }

        [Display(Name = "Cron expression")]
        public string? CronExpression { get; set; }

        [Required(ErrorMessage = "Say on which day the first cycle opens.")]
        [Display(Name = "First cycle opens on")]
        public DateOnly? FirstOpensOn { get; set; }

        [Required(ErrorMessage = "Enter how many days each cycle stays open.")]
        [Display(Name = "Submission window (days)")]
        public int? WindowDays { get; set; }

        [Display(Name = "Reminders (days before the deadline)")]
        public string? ReminderOffsets { get; set; }

        [Display(Name = "Review meeting (days after the deadline)")]
        public int? MeetingDaysAfterDeadline { get; set; }

        [Required(ErrorMessage = "Say in which time zone the forum's days are counted (e.g. America/Santo_Domingo).")]
        [Display(Name = "Time zone")]
        public string? TimeZone { get; set; }

        public static ScheduleInput Default(DateOnly today) => new()
        {
            Recurrence = ReviewRecurrence.Quarterly,
            FirstOpensOn = new DateOnly(today.Year, today.Month, 1).AddMonths(1),
            WindowDays = 30,
            ReminderOffsets = string.Join(", ", ReviewSchedule.DefaultReminderOffsets),
            TimeZone = DefaultTimeZone,
        };

        public static ScheduleInput From(ReviewScheduleDto schedule) => new()
        {
            Recurrence = schedule.Recurrence,
            CronExpression = schedule.CronExpression,
            FirstOpensOn = schedule.FirstOpensOn,
            WindowDays = schedule.WindowDays,
            ReminderOffsets = string.Join(", ", schedule.ReminderOffsets),
            MeetingDaysAfterDeadline = schedule.MeetingDaysAfterDeadline,
            TimeZone = schedule.TimeZone,
        };
    }
}
