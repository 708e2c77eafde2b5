namespace Coordination.Web.Tests.Infrastructure;

public static class TestPeople
{
    public const string Password = "A-long-test-passphrase-2026";
    public const string DemoPassword = "Forum-2022-demo";
    public const string Secretariat = "secretariat@example.org";
    public const string FocalDom = "focal.dom@example.org";
    public const string FocalMex = "focal.mex@example.org";
    public const string Viewer = "viewer@example.org";
}
