using Coordination.Application.Common.Paging;
using Coordination.Application.Common.Security;
using Coordination.Application.Organizations;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages;

public sealed class IndexModel(ISender sender, ICurrentUser user) : PageModel
{
    public ICurrentUser Person => user;

    public OrganizationDto? MyOrganization { get; private set; }

    public Paged<OrganizationDto> Organizations { get; private set; } = new([], 1, Paging.MaxPageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organizations = await sender.Send(new ListOrganizationsQuery(PageSize: Paging.MaxPageSize), cancellationToken);
        MyOrganization = Organizations.Items.FirstOrDefault(o => o.Id == user.OrganizationId)
            ?? (user.OrganizationId is { } id ? await sender.Send(new GetOrganizationQuery(id), cancellationToken) : null);
    }
}
