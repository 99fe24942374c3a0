using Kith.Primitives.Errors;

namespace Kith.Protocol.Prekeys;

/// <summary>Errors about published prekeys.</summary>
public static class PrekeyErrors
{
    /// <summary>A prekey signature does not verify under the device identity: the bundle is forged or corrupted.</summary>
    public static readonly KithError BadSignature = new("prekeys.bad_signature", ErrorScope.Peer, false,
        "A prekey is not signed by the device it claims to belong to.");
}
