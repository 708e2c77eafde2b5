using System.Text;
using Coordination.Application.Common.Abstractions;
using Microsoft.Extensions.Options;

namespace Coordination.Infrastructure.Email;

/// <summary>
/// With no SendGrid key, each mail becomes an <c>.eml</c> file in <c>&lt;DataDirectory&gt;/mail</c>, which any mail
/// client opens. Written to a temporary name and renamed, so a reader never sees half a file.
/// </summary>
internal sealed class PickupFolderEmailTransport(IOptions<CoordinationOptions> coordination, IOptions<EmailOptions> options, TimeProvider clock)
    : IEmailTransport
{
    public string Folder => Path.Combine(coordination.Value.DataDirectoryFullPath, "mail");

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMdd'T'HHmmssfff}-{message.MessageId ?? Guid.CreateVersion7().ToString("N")}.eml";
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, EmlFormat.Write(message, options.Value, now), new UTF8Encoding(false), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return EmailSendResult.Sent;
    }
}
