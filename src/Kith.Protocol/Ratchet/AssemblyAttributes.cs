using System.Runtime.CompilerServices;

// The ratchet's tests play an attacker who derives every key a stolen state allows (RatchetKdf,
// RatchetState), which needs the internals.
[assembly: InternalsVisibleTo("Kith.Protocol.Tests")]
