using System.Globalization;

namespace Kith.Testing.Tor;

/// <summary>The torrc lines of each role, as /work/shared/tor/PRIVATE-TOR.md records them working here.</summary>
internal static class NetworkTorrc
{
    public static IEnumerable<string> Common(string name, string dataDirectory, IEnumerable<string> dirAuthorities, string emptyFile)
    {
        yield return "TestingTorNetwork 1";
        yield return $"DataDirectory \"{dataDirectory}\"";
        yield return $"Nickname {name}";
        foreach (var line in dirAuthorities)
        {
            yield return line;
        }

        yield return $"GeoIPFile \"{emptyFile}\"";
        yield return $"GeoIPv6File \"{emptyFile}\"";
        yield return "UseDefaultFallbackDirs 0";
        yield return "ShutdownWaitLength 0";
        yield return "SafeLogging 0";
        yield return $"__OwningControllerProcess {Environment.ProcessId}";
        yield return $"Log notice file {Path.Combine(dataDirectory, "notice.log")}";
    }

    public static IEnumerable<string> Relay(int orPort, string resolvConf)
    {
        yield return "Address 127.0.0.1";
        yield return $"ORPort 127.0.0.1:{orPort}";
        yield return "SocksPort 0";
        yield return "AssumeReachable 1";
        yield return "ExitRelay 0";
        yield return "ExitPolicy reject *:*";
        yield return "ServerDNSDetectHijacking 0";
        yield return "ServerDNSTestAddresses";
        yield return $"ServerDNSResolvConfFile \"{resolvConf}\"";
        yield return "MaxConsensusAgeForDiffs 1 minute";
    }

    public static IEnumerable<string> Authority(int dirPort, int votingStartOffset)
    {
        yield return $"DirPort 127.0.0.1:{dirPort}";
        yield return "AuthoritativeDirectory 1";
        yield return "V3AuthoritativeDirectory 1";
        yield return "ContactInfo auth@example.invalid";
        yield return "TestingV3AuthInitialVotingInterval 5";
        yield return "TestingV3AuthInitialVoteDelay 2";
        yield return "TestingV3AuthInitialDistDelay 2";
        yield return "V3AuthVotingInterval 10";
        yield return "V3AuthVoteDelay 2";
        yield return "V3AuthDistDelay 2";
        yield return "V3AuthNIntervalsValid 3";
        yield return string.Create(CultureInfo.InvariantCulture, $"TestingV3AuthVotingStartOffset {votingStartOffset}");
        yield return "AuthDirTestReachability 0";
        yield return "TestingDirAuthVoteGuard *";
        yield return "TestingDirAuthVoteHSDir *";
        yield return "TestingMinExitFlagThreshold 0";
    }

    /// <summary>The lines a Kith client tor adds besides what <c>TorProcess</c> writes itself.</summary>
    public static IEnumerable<string> Client() => ["PathsNeededToBuildCircuits 0.25"];

    /// <summary>
    /// Authorities vote on a grid <c>midnight + offset + k·5 s</c>; the first boundary must fall 4–5 s after launch,
    /// once relays have uploaded their descriptors (PRIVATE-TOR.md, "The voting offset").
    /// </summary>
    public static int VotingStartOffset(DateTimeOffset now) =>
        (int)(Math.Ceiling(now.ToUnixTimeMilliseconds() / 1000.0 + 4) % 5);
}
