using Coordination.Domain.ActionPoints;
using Coordination.Domain.Common;

namespace Coordination.Domain.Tests.ActionPoints;

public sealed class ProgressTests
{
    private static readonly Guid OrganizationId = Guid.CreateVersion7();
    private static readonly DateTime Now = new(2026, 3, 31, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Reporter FocalPoint = new(Guid.CreateVersion7(), "Focal point", OrganizationId);

    private static Assignment NewAssignment()
    {
        var start = new DateOnly(2026, 1, 1);
        var actionPoint = ActionPoint.Create(
            Guid.CreateVersion7(), Guid.CreateVersion7(), "RF22-01", "Draft a regional glossary", null, Priority.High, start, start.AddMonths(9), null);
        var assignment = Assignment.Create(actionPoint, OrganizationId, AssignmentRole.Lead, null);
        assignment.ClearDomainEvents();
        return assignment;
    }

    private static ProgressReport Report(
        AssignmentStatus status = AssignmentStatus.InProgress, int percent = 40, string narrative = "Glossary drafted.", params string[] links) =>
        new(status, percent, narrative, null, null, links, null, null);

    [Fact]
    public void Report_WhereValidationIsRequired_AwaitsTheSecretariatAndLeavesTheOfficialStatus()
    {
        var assignment = NewAssignment();

        var update = assignment.Report(Report(), FocalPoint, Now, requiresValidation: true);

        update.State.ShouldBe(ProgressUpdateState.Submitted);
        update.AssignmentId.ShouldBe(assignment.Id);
        update.SubmittedAt.ShouldBe(Now);
        update.SubmittedById.ShouldBe(FocalPoint.UserId);
        update.SubmittedByName.ShouldBe("Focal point");
        assignment.PendingUpdateId.ShouldBe(update.Id);
        assignment.Status.ShouldBe(AssignmentStatus.NotStarted);
        assignment.PercentComplete.ShouldBe(0);
        assignment.LastUpdateAt.ShouldBe(Now);
        assignment.DomainEvents.ShouldBe([new ProgressReported(assignment.Id, update.Id, AwaitsValidation: true)]);
    }

    [Fact]
    public void Report_WithoutValidation_CountsAtOnce()
    {
        var assignment = NewAssignment();

        var update = assignment.Report(Report(percent: 55), FocalPoint, Now, requiresValidation: false);

        update.State.ShouldBe(ProgressUpdateState.Accepted);
        update.ReviewedAt.ShouldBeNull();
        assignment.PendingUpdateId.ShouldBeNull();
        assignment.Status.ShouldBe(AssignmentStatus.InProgress);
        assignment.PercentComplete.ShouldBe(55);
        assignment.DomainEvents.ShouldBe([new ProgressReported(assignment.Id, update.Id, AwaitsValidation: false)]);
    }

    [Fact]
    public void Report_ByAnotherOrganization_IsRefused()
    {
        var assignment = NewAssignment();
        var stranger = new Reporter(Guid.CreateVersion7(), "Someone else", Guid.CreateVersion7());

        Should.Throw<DomainException>(() => assignment.Report(Report(), stranger, Now, true))
            .Message.ShouldBe("Only the organization the action point is assigned to can report on it.");
        assignment.LastUpdateAt.ShouldBeNull();
    }

    [Fact]
    public void Report_OnACancelledAssignment_IsRefused()
    {
        var assignment = NewAssignment();
        assignment.Cancel();

        Should.Throw<DomainException>(() => assignment.Report(Report(), FocalPoint, Now, true))
            .Message.ShouldBe("Progress cannot be reported on a cancelled assignment.");
    }

    [Fact]
    public void Report_WhileAnUpdateAwaitsValidation_IsRefused()
    {
        var assignment = NewAssignment();
        var pending = assignment.Report(Report(), FocalPoint, Now, true);

        Should.Throw<DomainException>(() => assignment.Report(Report(percent: 60), FocalPoint, Now.AddHours(1), true))
            .Message.ShouldBe("An update is already awaiting validation. Wait until the secretariat accepts or returns it.");
        assignment.PendingUpdateId.ShouldBe(pending.Id);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(150)]
    public void Report_PercentOutOfRange_IsRefused(int percent)
    {
        Should.Throw<DomainException>(() => NewAssignment().Report(Report(percent: percent), FocalPoint, Now, true))
            .Message.ShouldBe("The percent complete must be between 0 and 100.");
    }

    [Fact]
    public void Report_Cancelled_IsRefusedBecauseOnlyTheSecretariatCancels()
    {
        Should.Throw<DomainException>(() => NewAssignment().Report(Report(AssignmentStatus.Cancelled), FocalPoint, Now, true))
            .Message.ShouldBe("Only the secretariat cancels an assignment; report it as on hold and explain why.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Report_WithoutNarrative_IsRefused(string narrative)
    {
        Should.Throw<DomainException>(() => NewAssignment().Report(Report(narrative: narrative), FocalPoint, Now, true))
            .Message.ShouldBe("The narrative is required.");
    }

    [Theory]
    [InlineData("ftp://example.org/report.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a link")]
    public void Report_WithALinkThatIsNotWeb_IsRefused(string link)
    {
        Should.Throw<DomainException>(() => NewAssignment().Report(Report(links: link), FocalPoint, Now, true))
            .Message.ShouldBe($"'{link}' is not a web link (http or https).");
    }

    [Fact]
    public void Report_EvidenceLinks_AreTrimmedWithoutBlanksOrRepeats()
    {
        var update = NewAssignment().Report(
            Report(links: [" https://example.org/a ", "", "https://example.org/a", "http://example.org/b"]), FocalPoint, Now, true);

        update.EvidenceLinks.ShouldBe(["https://example.org/a", "http://example.org/b"]);
    }

    [Fact]
    public void Report_MoreThanTheMaximumOfLinks_IsRefused()
    {
        var links = Enumerable.Range(0, ProgressUpdate.MaxEvidenceLinks + 1).Select(i => $"https://example.org/{i}").ToArray();

        Should.Throw<DomainException>(() => NewAssignment().Report(Report(links: links), FocalPoint, Now, true));
    }

    [Fact]
    public void Report_CompletedBelow100Percent_IsRefused()
    {
        Should.Throw<DomainException>(() =>
                NewAssignment().Report(Report(AssignmentStatus.Completed, 90, links: "https://example.org/glossary.pdf"), FocalPoint, Now, true))
            .Message.ShouldBe("A completed assignment is 100 % complete.");
    }

    [Fact]
    public void Report_CompletedWithoutEvidenceAndWithAShortNarrative_IsRefused()
    {
        Should.Throw<DomainException>(() => NewAssignment().Report(Report(AssignmentStatus.Completed, 100, "Done."), FocalPoint, Now, true))
            .Message.ShouldBe("To report completion, attach a link to the evidence or describe what was delivered in the narrative.");
    }

    [Fact]
    public void Report_CompletedWithALinkOrALongNarrative_IsAccepted()
    {
        var withLink = NewAssignment().Report(Report(AssignmentStatus.Completed, 100, "Done.", "https://example.org/glossary.pdf"), FocalPoint, Now, true);
        var described = NewAssignment().Report(
            Report(AssignmentStatus.Completed, 100, new string('x', ProgressUpdate.CompletionNarrativeMinLength)), FocalPoint, Now, true);

        withLink.Status.ShouldBe(AssignmentStatus.Completed);
        described.Status.ShouldBe(AssignmentStatus.Completed);
    }

    [Fact]
    public void Accept_AppliesTheUpdatesStatusAndPercentAndClearsThePending()
    {
        var assignment = NewAssignment();
        var update = assignment.Report(Report(AssignmentStatus.OnHold, 30), FocalPoint, Now, true);
        var reviewer = Guid.CreateVersion7();
        assignment.ClearDomainEvents();

        assignment.Accept(update, reviewer, "Secretariat", Now.AddDays(1));

        update.State.ShouldBe(ProgressUpdateState.Accepted);
        update.ReviewedAt.ShouldBe(Now.AddDays(1));
        update.ReviewedById.ShouldBe(reviewer);
        update.ReviewedByName.ShouldBe("Secretariat");
        update.ReviewComment.ShouldBeNull();
        assignment.Status.ShouldBe(AssignmentStatus.OnHold);
        assignment.PercentComplete.ShouldBe(30);
        assignment.PendingUpdateId.ShouldBeNull();
        assignment.DomainEvents.ShouldBe([new ProgressAccepted(assignment.Id, update.Id)]);
    }

    [Fact]
    public void Return_KeepsTheOfficialStatusAndRecordsTheComment()
    {
        var assignment = NewAssignment();
        var update = assignment.Report(Report(percent: 70), FocalPoint, Now, true);
        assignment.ClearDomainEvents();

        assignment.Return(update, Guid.CreateVersion7(), "Secretariat", "  Attach the glossary.  ", Now.AddDays(1));

        update.State.ShouldBe(ProgressUpdateState.Returned);
        update.ReviewComment.ShouldBe("Attach the glossary.");
        assignment.Status.ShouldBe(AssignmentStatus.NotStarted);
        assignment.PercentComplete.ShouldBe(0);
        assignment.PendingUpdateId.ShouldBeNull();
        assignment.DomainEvents.ShouldBe([new ProgressReturned(assignment.Id, update.Id, "Attach the glossary.")]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Return_WithoutComment_IsRefused(string comment)
    {
        var assignment = NewAssignment();
        var update = assignment.Report(Report(), FocalPoint, Now, true);

        Should.Throw<DomainException>(() => assignment.Return(update, Guid.CreateVersion7(), "Secretariat", comment, Now))
            .Message.ShouldBe("Say what needs to change: returning an update needs a comment.");
        update.State.ShouldBe(ProgressUpdateState.Submitted);
        assignment.PendingUpdateId.ShouldBe(update.Id);
    }

    [Fact]
    public void AcceptOrReturn_AnUpdateNoLongerAwaitingValidation_IsRefused()
    {
        var assignment = NewAssignment();
        var update = assignment.Report(Report(), FocalPoint, Now, true);
        assignment.Accept(update, Guid.CreateVersion7(), "Secretariat", Now);

        Should.Throw<DomainException>(() => assignment.Accept(update, Guid.CreateVersion7(), "Secretariat", Now))
            .Message.ShouldBe("Only an update awaiting validation can be accepted; this one is already accepted.");
        Should.Throw<DomainException>(() => assignment.Return(update, Guid.CreateVersion7(), "Secretariat", "Too late.", Now))
            .Message.ShouldBe("Only an update awaiting validation can be returned; this one is already accepted.");
    }

    [Fact]
    public void Accept_AnUpdateOfAnotherAssignment_IsRefused()
    {
        var other = NewAssignment();
        var update = other.Report(Report(), FocalPoint, Now, true);

        Should.Throw<DomainException>(() => NewAssignment().Accept(update, Guid.CreateVersion7(), "Secretariat", Now))
            .Message.ShouldBe("This update belongs to another assignment.");
        update.State.ShouldBe(ProgressUpdateState.Submitted);
    }

    [Fact]
    public void Accept_OnACancelledAssignment_IsRefused()
    {
        var assignment = NewAssignment();
        var update = assignment.Report(Report(), FocalPoint, Now, true);
        assignment.Cancel();

        Should.Throw<DomainException>(() => assignment.Accept(update, Guid.CreateVersion7(), "Secretariat", Now))
            .Message.ShouldBe("This assignment was cancelled: its updates can no longer be accepted.");
    }

    [Fact]
    public void Revise_AReturnedUpdate_KeepsTheHistoryAndPointsToIt()
    {
        var assignment = NewAssignment();
        var returned = assignment.Report(Report(percent: 70), FocalPoint, Now, true);
        assignment.Return(returned, Guid.CreateVersion7(), "Secretariat", "Attach the glossary.", Now.AddDays(1));

        var revision = assignment.Report(Report(percent: 70, links: "https://example.org/glossary.pdf"), FocalPoint, Now.AddDays(2), true, returned);

        revision.Id.ShouldNotBe(returned.Id);
        revision.RevisionOfId.ShouldBe(returned.Id);
        revision.State.ShouldBe(ProgressUpdateState.Submitted);
        returned.State.ShouldBe(ProgressUpdateState.Returned);
        returned.ReviewComment.ShouldBe("Attach the glossary.");
        assignment.PendingUpdateId.ShouldBe(revision.Id);
    }

    [Fact]
    public void Revise_AnUpdateThatWasNotReturned_IsRefused()
    {
        var assignment = NewAssignment();
        var accepted = assignment.Report(Report(), FocalPoint, Now, true);
        assignment.Accept(accepted, Guid.CreateVersion7(), "Secretariat", Now);

        Should.Throw<DomainException>(() => assignment.Report(Report(percent: 50), FocalPoint, Now, true, accepted))
            .Message.ShouldBe("Only an update returned on this assignment can be revised.");
    }

    [Fact]
    public void Revise_AnUpdateOfAnotherAssignment_IsRefused()
    {
        var other = NewAssignment();
        var returned = other.Report(Report(), FocalPoint, Now, true);
        other.Return(returned, Guid.CreateVersion7(), "Secretariat", "Attach the glossary.", Now);

        Should.Throw<DomainException>(() => NewAssignment().Report(Report(), FocalPoint, Now, true, returned))
            .Message.ShouldBe("Only an update returned on this assignment can be revised.");
    }

    [Fact]
    public void RememberIdempotencyKey_KeepsTheKeyAndTheRequestHash()
    {
        var update = NewAssignment().Report(Report(), FocalPoint, Now, true);

        update.RememberIdempotencyKey("retry-1", new string('a', 64));

        update.IdempotencyKey.ShouldBe("retry-1");
        update.RequestHash.ShouldBe(new string('a', 64));
    }

    [Theory]
    [InlineData("https://example.org/report.pdf", true)]
    [InlineData("http://example.org", true)]
    [InlineData("mailto:someone@example.org", false)]
    [InlineData("/relative/path", false)]
    public void IsWebLink_AcceptsOnlyAbsoluteHttpAndHttps(string link, bool expected)
    {
        ProgressUpdate.IsWebLink(link).ShouldBe(expected);
    }
}
