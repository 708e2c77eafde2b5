namespace Coordination.Browser.Tests.Infrastructure;

/// <summary>The demo data's sign-ins (the README's table); all share one password.</summary>
public static class DemoPeople
{
    public const string Password = "Forum-2022-demo";
    public const string Secretariat = "secretariat@example.org";
    public const string FocalDom = "focal.dom@example.org"; // INM, Dominican Republic; prefers Spanish
    public const string FocalMex = "focal.mex@example.org"; // MIG-MEX; prefers Spanish
    public const string Viewer = "viewer@example.org";
}
