using Coordination.Application.Common.Exceptions;
using Coordination.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Setup;

/// <summary>
/// Pages send the same commands as the API. A refused input or a broken rule becomes a message beside the field or at
/// the top of the form, so the person can correct it; not found and forbidden still reach the error page.
/// </summary>
public static class PageCommands
{
    /// <summary>
    /// Sends the command; on a validation error or a broken rule, copies the messages into ModelState (fields under
    /// <paramref name="prefix"/>, e.g. "Input") and returns default.
    /// </summary>
    public static async Task<(bool Succeeded, TResponse? Result)> TrySendAsync<TResponse>(
        this PageModel page, ISender sender, ICommand<TResponse> command, string prefix = "Input", CancellationToken cancellationToken = default)
    {
        // The application's sentences are English; the resources translate the ones people meet in forms.
        var t = page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        try
        {
            return (true, await sender.Send(command, cancellationToken));
        }
        catch (ValidationException validation)
        {
            foreach (var error in validation.Errors)
                page.ModelState.AddModelError(string.IsNullOrEmpty(error.PropertyName) ? "" : $"{prefix}.{error.PropertyName}", t.Translate(error));
        }
        catch (Exception rule) when (rule is DomainException or ConflictException or DbUpdateConcurrencyException)
        {
            page.ModelState.AddModelError("", rule is DbUpdateConcurrencyException
                ? t["This was changed by someone else at the same time. Reload it and make your change again."]
                : rule is ISentence sentence ? t.Translate(sentence) : t[rule.Message]);
        }

        return (false, default);
    }
}
