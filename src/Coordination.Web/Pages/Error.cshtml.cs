using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Coordination.Web.Pages;

/// <summary>The page for every error a person can meet: not found, not allowed, or our own failure.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string? RequestId { get; private set; }

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    private void Show(int? status)
    {
        Status = status ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        Response.StatusCode = Status;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
