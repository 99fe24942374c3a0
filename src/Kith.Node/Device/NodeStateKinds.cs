namespace Kith.Node.Device;

/// <summary>The <c>IStateStore</c> kinds the node writes (values encrypted by the SQLite store, each bound to its row).</summary>
internal static class NodeStateKinds
{
    /// <summary>This device's private keys (<c>DeviceKeys.ExportState</c>), under the empty key.</summary>
    public const string DeviceKeys = "node.device_keys";

    /// <summary>This device's account id (32 bytes), under the empty key.</summary>
    public const string Account = "node.account";
}
