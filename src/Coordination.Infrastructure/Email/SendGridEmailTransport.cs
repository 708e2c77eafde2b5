using System.Net;
using Coordination.Application.Common.Abstractions;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Coordination.Infrastructure.Email;

/// <summary>
/// Sends through SendGrid's v3 API. The client reports failures in the response rather than throwing, and its own
/// retry ignores 429, so this classifies the answer and leaves retrying with back-off to the outbox.
/// </summary>
internal sealed class SendGridEmailTransport(ISendGridClient client, IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var from = new EmailAddress(options.Value.From, options.Value.FromName);
        var mail = MailHelper.CreateSingleEmail(from, new EmailAddress(message.To, message.ToName), message.Subject, message.TextBody, message.HtmlBody);
        if (message.MessageId is { } id)
            mail.AddCustomArg("coordination_message_id", id);

        Response response;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new EmailSendResult(EmailSendOutcome.TransientFailure, ex.Message);
        }

        if (response.IsSuccessStatusCode)
            return EmailSendResult.Sent;

        var detail = $"SendGrid answered {(int)response.StatusCode}: {await response.Body.ReadAsStringAsync(cancellationToken)}";
        var retryAfter = response.Headers?.RetryAfter?.Delta;
        return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500
            ? new EmailSendResult(EmailSendOutcome.TransientFailure, detail, retryAfter)
            : new EmailSendResult(EmailSendOutcome.PermanentFailure, detail);
    }
}
