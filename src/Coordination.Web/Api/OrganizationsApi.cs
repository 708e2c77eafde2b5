using Coordination.Application.Common.Paging;
using Coordination.Application.Organizations;
using Coordination.Domain.Organizations;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Coordination.Web.Api;

internal static class OrganizationsApi
{
    public static RouteGroupBuilder MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations");

        organizations.MapGet("/", async Task<Ok<Paged<OrganizationDto>>> (
                [AsParameters] ListOrganizationsQuery query, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(query, ct)))
            .WithSummary("Member-state institutions, the secretariat and partners, filtered by kind, country or name.");

        organizations.MapGet("/{id:guid}", async Task<Ok<OrganizationDto>> (Guid id, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetOrganizationQuery(id), ct)))
            .WithSummary("One organization.");

        organizations.MapPost("/", async Task<Created<OrganizationDto>> (
                CreateOrganizationCommand command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return TypedResults.Created($"/api/organizations/{created.Id}", created);
            })
            .WithSummary("Add an organization (secretariat).");

        organizations.MapPut("/{id:guid}", async Task<Ok<OrganizationDto>> (
                Guid id, OrganizationChange change, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(
                new UpdateOrganizationCommand(id, change.Name, change.Acronym, change.Kind, change.CountryCode, change.Version), ct)))
            .WithSummary("Edit an organization (secretariat); send the version you read.");

        return api;
    }

    internal sealed record OrganizationChange(string Name, string Acronym, OrganizationKind Kind, string? CountryCode, string Version);
}
