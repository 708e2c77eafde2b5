namespace Coordination.Web.Setup;

/// <summary>
/// Static assets when the app runs from a build rather than a publish (<c>dotnet run</c> in any environment, the tests).
/// The build's manifest offers gzip copies that live under obj/, while a publish puts them in wwwroot; without the build's
/// file map a browser asking for gzip would get nothing. Development maps them by itself; a publish has no such map.
/// </summary>
internal static class BuildAssets
{
    public static WebApplicationBuilder UseBuildAssetsWhenNotPublished(this WebApplicationBuilder builder)
    {
        var buildMap = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (!builder.Environment.IsDevelopment() && File.Exists(buildMap))
            builder.WebHost.UseStaticWebAssets();
        return builder;
    }
}
