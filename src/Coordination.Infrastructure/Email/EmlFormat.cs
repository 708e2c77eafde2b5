using System.Globalization;
using System.Text;
using Coordination.Application.Common.Abstractions;

namespace Coordination.Infrastructure.Email;

/// <summary>An RFC 5322 message with text and HTML alternatives, bodies in base64 so any character is safe.</summary>
internal static class EmlFormat
{
    public static string Write(EmailMessage message, EmailOptions options, DateTimeOffset date)
    {
        var boundary = "=_coordination_" + Guid.NewGuid().ToString("N");
        var eml = new StringBuilder();
        eml.Append("From: ").Append(Address(options.FromName, options.From)).Append("\r\n");
        eml.Append("To: ").Append(Address(message.ToName, message.To)).Append("\r\n");
        eml.Append("Subject: ").Append(Encoded(message.Subject)).Append("\r\n");
        eml.Append("Date: ").Append(date.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n");
        if (message.MessageId is { } id)
            eml.Append("Message-ID: <").Append(id).Append("@coordination>\r\n");
        eml.Append("MIME-Version: 1.0\r\n");
        eml.Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append("\"\r\n\r\n");
        Part(eml, boundary, "text/plain", message.TextBody);
        Part(eml, boundary, "text/html", message.HtmlBody);
        eml.Append("--").Append(boundary).Append("--\r\n");
        return eml.ToString();
    }

    private static void Part(StringBuilder eml, string boundary, string contentType, string body)
    {
        eml.Append("--").Append(boundary).Append("\r\n");
        eml.Append("Content-Type: ").Append(contentType).Append("; charset=utf-8\r\n");
        eml.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        for (var i = 0; i < base64.Length; i += 76)
            eml.Append(base64, i, Math.Min(76, base64.Length - i)).Append("\r\n");
    }

    private static string Address(string? name, string address) =>
        string.IsNullOrWhiteSpace(name) ? address : $"{Encoded(name)} <{address}>";

    private static string Encoded(string text) =>
        text.All(c => c is >= ' ' and <= '~') ? text : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";
}
