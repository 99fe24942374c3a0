using System.Diagnostics;
using System.Security.Cryptography;

namespace Kith.Architecture.Tests.Il;

/// <summary>
/// Banned calls that the scanner must find when it scans this test assembly (never executed). Each method is
/// one case of <see cref="BannedApiTests.The_scanner_finds_every_banned_use_in_the_canary"/>; the clean ones
/// prove that look-alikes are not reported.
/// </summary>
internal static class BannedApiCanary
{
    public static DateTime ReadsTheClock() => DateTime.UtcNow;

    public static Func<DateTimeOffset> ReadsTheClockInALambda() => () => DateTimeOffset.UtcNow;

    public static int DrawsFromRandom() => new Random(1).Next();

    public static int DrawsFromSharedRandom() => Random.Shared.Next();

    public static byte[] DrawsFromTheOsGenerator() => RandomNumberGenerator.GetBytes(4);

    public static byte[] ReadsAFile(string path) => File.ReadAllBytes(path);

    public static string ReadsAPath(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadToEnd();
    }

    public static long ReadsATimer() => Stopwatch.GetTimestamp();

    public static async Task<int> ReadsTheClockInAnAsyncMethod()
    {
        await Task.Yield();
        return Environment.TickCount;
    }

    public static Task WaitsForATimer() => Task.Delay(10);

    public static List<FileInfo> UsesABannedTypeAsAGenericArgumentOnly() => [];

    public static DateTime UsesDatesWithoutAClock(long unixMs) => DateTime.UnixEpoch.AddMilliseconds(unixMs);

    public static string ReadsAStream(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
