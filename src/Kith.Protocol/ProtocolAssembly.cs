namespace Kith.Protocol;

/// <summary>A marker for finding this assembly (architecture tests, reflection-based checks).</summary>
public static class ProtocolAssembly
{
}
