using Coordination.Domain.Common;
using Coordination.Domain.Forums;

namespace Coordination.Domain.Tests.Forums;

public sealed class ForumTests
{
    private static readonly DateOnly Start = new(2022, 7, 6);
    private static readonly DateOnly End = new(2022, 7, 8);

    [Fact]
    public void Create_KeepsTrimmedTextAndTheParticipantsOnce()
    {
        var inm = Guid.CreateVersion7();
        var one = Guid.CreateVersion7();

        var forum = Forum.Create("  Regional Forum on Migration Statistics ", " Santo Domingo ", Start, End, "  ", true, [inm, one, inm]);

        forum.Title.ShouldBe("Regional Forum on Migration Statistics");
        forum.Place.ShouldBe("Santo Domingo");
        forum.Description.ShouldBeNull();
        forum.RequiresValidation.ShouldBeTrue();
        forum.ReportPublished.ShouldBeFalse();
        forum.Participants.Select(p => p.OrganizationId).ShouldBe([inm, one], ignoreOrder: true);
        forum.Participants.ShouldAllBe(p => p.ForumId == forum.Id);
    }

    [Fact]
    public void Create_OnOneDay_IsAllowed()
    {
        var forum = Forum.Create("Forum", "Panama", Start, Start, null, false, []);

        forum.StartDate.ShouldBe(forum.EndDate);
        forum.Participants.ShouldBeEmpty();
    }

    [Fact]
    public void Create_EndingBeforeItStarts_IsRefused()
    {
        Should.Throw<DomainException>(() => Forum.Create("Forum", "Panama", End, Start, null, true, []))
            .Message.ShouldBe("The forum cannot end before it starts.");
    }

    [Fact]
    public void Create_WithoutTitleOrPlace_IsRefused()
    {
        Should.Throw<DomainException>(() => Forum.Create(" ", "Panama", Start, End, null, true, []))
            .Message.ShouldBe("The title is required.");
        Should.Throw<DomainException>(() => Forum.Create("Forum", "", Start, End, null, true, []))
            .Message.ShouldBe("The place is required.");
    }

    [Fact]
    public void Create_WithOverlongText_IsRefused()
    {
        Should.Throw<DomainException>(() => Forum.Create(new string('T', Forum.TitleMaxLength + 1), "Panama", Start, End, null, true, []))
            .Message.ShouldContain($"at most {Forum.TitleMaxLength} characters");
        Should.Throw<DomainException>(() => Forum.Create("Forum", new string('P', Forum.PlaceMaxLength + 1), Start, End, null, true, []))
            .Message.ShouldContain($"at most {Forum.PlaceMaxLength} characters");
        Should.Throw<DomainException>(() => Forum.Create("Forum", "Panama", Start, End, new string('D', Forum.DescriptionMaxLength + 1), true, []))
            .Message.ShouldContain($"at most {Forum.DescriptionMaxLength} characters");
    }

    [Fact]
    public void Change_DatesInTheWrongOrder_LeavesTheForumAsItWas()
    {
        var forum = Forum.Create("Forum", "Panama", Start, End, "Notes", true, []);

        Should.Throw<DomainException>(() => forum.Change("Renamed", "Managua", End, Start, null, false));

        forum.Title.ShouldBe("Forum");
        forum.Place.ShouldBe("Panama");
        forum.StartDate.ShouldBe(Start);
        forum.EndDate.ShouldBe(End);
        forum.Description.ShouldBe("Notes");
        forum.RequiresValidation.ShouldBeTrue();
    }

    [Fact]
    public void AddParticipant_AlreadyTakingPart_AddsNothing()
    {
        var inm = Guid.CreateVersion7();
        var forum = Forum.Create("Forum", "Panama", Start, End, null, true, [inm]);

        forum.AddParticipant(inm).ShouldBeFalse();
        forum.AddParticipant(Guid.CreateVersion7()).ShouldBeTrue();

        forum.Participants.Count.ShouldBe(2);
        forum.HasParticipant(inm).ShouldBeTrue();
    }

    [Fact]
    public void SetParticipants_ReplacesTheList()
    {
        var inm = Guid.CreateVersion7();
        var one = Guid.CreateVersion7();
        var iom = Guid.CreateVersion7();
        var forum = Forum.Create("Forum", "Panama", Start, End, null, true, [inm, one]);

        forum.SetParticipants([one, iom]);

        forum.Participants.Select(p => p.OrganizationId).ShouldBe([one, iom], ignoreOrder: true);
        forum.HasParticipant(inm).ShouldBeFalse();
    }

    [Fact]
    public void PublishReport_ThenUnpublish_TakesItBack()
    {
        var forum = Forum.Create("Forum", "Panama", Start, End, null, true, []);

        forum.PublishReport();
        forum.ReportPublished.ShouldBeTrue();
        forum.UnpublishReport();
        forum.ReportPublished.ShouldBeFalse();
    }
}
