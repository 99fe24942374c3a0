namespace Kith.Primitives;

/// <summary>
/// Every bound on a path an attacker can reach, each with its reason (STYLE.md, "Limits with reasons";
/// libsignal's <c>consts.rs</c>). One type, split into partial files by concern (<c>Limits.Noise.cs</c>, ...).
/// </summary>
public static partial class Limits
{
}
