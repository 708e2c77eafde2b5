using Coordination.Application;
using Coordination.Infrastructure;
using Coordination.Web;
using Coordination.Web.Setup;

var builder = WebApplication.CreateBuilder(args).UseBuildAssetsWhenNotPublished();
builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration)
    .AddWeb(builder.Configuration, builder.Environment);

var app = builder.Build();

if (CommandLine.IsCommand(args))
    return await CommandLine.RunAsync(app, args);

app.UseCoordinationPipeline();
await StartupTasks.PrepareAsync(app);
await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
