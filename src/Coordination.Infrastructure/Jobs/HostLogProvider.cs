using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Coordination.Infrastructure.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static, so in a process with several hosts (the test suite) the last host's
/// logger factory serves them all, and once that host is disposed creating a logger throws (e.g. while building the
/// job client in a live host). This provider answers with a silent logger instead; with one host it is Hangfire's own.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
