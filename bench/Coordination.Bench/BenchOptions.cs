using System.Globalization;

namespace Coordination.Bench;

/// <param name="WithoutMail">Deactivates the nine organizations' focal points first, so new assignments write no mail:
/// shows what the assignment mails cost.</param>
public sealed record BenchOptions(int ActionPoints, int SmallActionPoints, int Repetitions, bool WithoutMail = false)
{
    public static BenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchOptions(
            Value("--action-points", 10_000), Value("--small", 1_000), Math.Max(1, Value("--repetitions", 3)), args.Contains("--without-mail"));
    }
}
