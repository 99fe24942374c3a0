// Kith.Protocol: sans-IO state machines (docs/ARCHITECTURE.md). Bytes, time and randomness in; new state and effects out.
[assembly: System.CLSCompliant(false)]
