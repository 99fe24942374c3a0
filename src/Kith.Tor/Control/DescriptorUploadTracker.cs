namespace Kith.Tor.Control;

/// <summary>
/// Follows one onion service's descriptor uploads through <c>HS_DESC</c> events (control-spec §4.1.25): each
/// <c>UPLOAD</c> to an HSDir is pending until that HSDir's <c>UPLOADED</c> or <c>FAILED</c>. Connecting before all
/// uploads are acknowledged can meet an HSDir without the descriptor (SOCKS error 0xF0).
/// </summary>
/// <remarks>
/// Tor sends every <c>UPLOAD</c> of one publication in the same main-loop step, before any answer can arrive, so
/// "at least one upload and none pending" means the publication is done. The same HSDir may get both the current
/// and the next time period's descriptor, hence a count per HSDir.
/// </remarks>
public sealed class DescriptorUploadTracker
{
    private readonly string _serviceId;
    private readonly Dictionary<string, int> _pending = new(StringComparer.Ordinal);
    private int _pendingCount;

    /// <summary>Tracks uploads for the service <paramref name="serviceId"/> (56 base32 characters, no <c>.onion</c>).</summary>
    public DescriptorUploadTracker(string serviceId) =>
        _serviceId = serviceId ?? throw new ArgumentNullException(nameof(serviceId));

    /// <summary>Uploads started.</summary>
    public int Started { get; private set; }

    /// <summary>Uploads acknowledged.</summary>
    public int Uploaded { get; private set; }

    /// <summary>Uploads that failed.</summary>
    public int Failed { get; private set; }

    /// <summary>Whether uploads have started and none is pending.</summary>
    public bool IsComplete => Started > 0 && _pendingCount == 0;

    /// <summary>Takes one event into account; events of other services and other actions are ignored.</summary>
    public void Observe(HsDescEvent descriptorEvent)
    {
        ArgumentNullException.ThrowIfNull(descriptorEvent);
        if (!string.Equals(descriptorEvent.Address, _serviceId, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        switch (descriptorEvent.Action)
        {
            case "UPLOAD":
                Started++;
                _pending[descriptorEvent.HsDir] = _pending.GetValueOrDefault(descriptorEvent.HsDir) + 1;
                _pendingCount++;
                break;
            case "UPLOADED" when Resolve(descriptorEvent.HsDir):
                Uploaded++;
                break;
            case "FAILED" when Resolve(descriptorEvent.HsDir):
                Failed++;
                break;
        }
    }

    private bool Resolve(string hsDir)
    {
        if (!_pending.TryGetValue(hsDir, out var count))
        {
            return false;
        }

        if (count == 1)
        {
            _pending.Remove(hsDir);
        }
        else
        {
            _pending[hsDir] = count - 1;
        }

        _pendingCount--;
        return true;
    }
}
