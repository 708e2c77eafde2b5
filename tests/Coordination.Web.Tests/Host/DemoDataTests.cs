using System.Net;
using Coordination.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Tests.Host;

public sealed class DemoDataOffOnPostgreSqlTests(PostgreSqlAppWithoutDemoData app) : IClassFixture<PostgreSqlAppWithoutDemoData>
{
    [Theory]
    [InlineData(TestPeople.Secretariat)]
    [InlineData(TestPeople.FocalDom)]
    [InlineData(TestPeople.FocalMex)]
    [InlineData(TestPeople.Viewer)]
    public async Task DemoSignIn_WithDemoDataOff_DoesNotExist(string email)
    {
        using var client = app.CreateApiClient();
        (await client.LoginAsync(email, TestPeople.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.WithDbAsync(db => db.Users.AnyAsync())).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Organizations.AnyAsync())).ShouldBeFalse();
    }
}

public sealed class DemoDataOnSqliteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task DemoData_OnAnEmptyDatabase_HasTheForumsOrganizationsAndFourSignIns()
    {
        var organizations = await app.WithDbAsync(db => db.Organizations.AsNoTracking().ToListAsync());

        organizations.Count(o => o.Kind == Domain.Organizations.OrganizationKind.MemberStateInstitution).ShouldBe(18);
        organizations.Select(o => o.CountryCode).Where(c => c is not null).Distinct()
            .ShouldBe(["MEX", "BLZ", "GTM", "SLV", "HND", "NIC", "CRI", "PAN", "DOM", "USA"], ignoreOrder: true);
        organizations.ShouldContain(o => o.Acronym == "IOM" && o.Kind == Domain.Organizations.OrganizationKind.Secretariat);
        organizations.ShouldContain(o => o.Acronym == "PRM" && o.Kind == Domain.Organizations.OrganizationKind.Donor);
        var emails = await app.WithDbAsync(db => db.Users.Select(u => u.Email!).ToListAsync());
        new[] { TestPeople.Secretariat, TestPeople.FocalDom, TestPeople.FocalMex, TestPeople.Viewer }.ShouldBeSubsetOf(emails);
        // Every organization but the secretariat has a focal point who reports on its assignments.
        (await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Acronym != "IOM" && !db.Users.Any(u => u.OrganizationId == o.Id)))).ShouldBe(0);
    }
}
