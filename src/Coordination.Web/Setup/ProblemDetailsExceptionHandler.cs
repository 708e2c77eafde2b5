using System.Globalization;
using Coordination.Application.Common.Exceptions;
using Coordination.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Setup;

/// <summary>
/// The one place exceptions become answers: validation → 400 with errors by field, sign-in → 401, forbidden → 403,
/// not found → 404, a broken rule or a stale version → 409. Anything else is a 500 without a stack trace. Refused input
/// is answered in the caller's language, like the pages show it.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // A person's page gets the error page in their language: returning false lets the exception middleware
        // re-execute /error with the status its StatusCodeSelector picks. Only machines get problem details.
        // The middleware has already pointed the request at /error: decide on the path that failed.
        var failedPath = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!Pipeline.IsMachineFacing(failedPath))
            return false;

        var problem = Map(exception, InTheCallersLanguage(context));
        if (problem.Status >= StatusCodes.Status500InternalServerError)
            LogUnhandled(exception, context.Request.Path);

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The answer to <paramref name="exception"/>; refused input in <paramref name="t"/>'s language when given.</summary>
    public static ProblemDetails Map(Exception exception, IStringLocalizer? t = null) => exception switch
    {
        ValidationException validation => new ValidationProblemDetails(
            validation.Errors
                .GroupBy(e => Camel(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => t?.Translate(e) ?? e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = t?["The input is not valid."] ?? "The input is not valid.",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request could not be read.",
            Detail = bad.Message,
        },
        UnauthenticatedException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Sign in to continue." },
        ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = forbidden.Message },
        NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found." },
        DomainException rule => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = rule.Message },
        ConflictException conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = conflict.Message },
        DbUpdateException update when UniqueViolation.Is(update) => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "This already exists: another one with the same number, code or organization was saved first.",
        },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "This was changed by someone else at the same time. Reload it and make your change again.",
        },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Something went wrong on our side." },
    };

    /// <summary>
    /// The resources in the language the localization middleware chose for this request. That middleware set the
    /// culture only further in, for the endpoint: the exception has left its flow, so it is taken up again here.
    /// FluentValidation's own messages were written there, in that language already; the application's are English keys.
    /// </summary>
    private static IStringLocalizer InTheCallersLanguage(HttpContext context)
    {
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } chosen)
        {
            CultureInfo.CurrentCulture = chosen.Culture;
            CultureInfo.CurrentUICulture = chosen.UICulture;
        }

        return context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    private static string Camel(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogUnhandled(Exception exception, PathString path);
}
