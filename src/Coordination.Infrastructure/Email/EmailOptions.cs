namespace Coordination.Infrastructure.Email;

/// <summary>The <c>Email</c> section: who mails come from.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "coordination@example.org";

    public string FromName { get; set; } = "Coordination";
}

/// <summary>The <c>SendGrid</c> section; with no API key, mail goes to the pickup folder instead.</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    public string? ApiKey { get; set; }

    /// <summary>Overrides SendGrid's address (mail is posted to <c>{Host}/v3/mail/send</c>); for tests.</summary>
    public string? Host { get; set; }
}
