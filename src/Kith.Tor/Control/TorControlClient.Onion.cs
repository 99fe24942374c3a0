using System.Globalization;
using System.Text;
using Kith.Primitives.Errors;
using Kith.Wire.Onion;

namespace Kith.Tor.Control;

public sealed partial class TorControlClient
{
    /// <summary>
    /// Creates an onion service with <c>ADD_ONION</c> (control-spec §3.27). Without
    /// <see cref="OnionServiceRequest.Detach"/> tor removes it when this connection closes. Returns as soon as tor has
    /// accepted it; see <see cref="PublishOnionServiceAsync"/> to wait until clients can find it.
    /// </summary>
    public async Task<Result<PublishedOnionService>> AddOnionAsync(OnionServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new StringBuilder("ADD_ONION ");

        // Kith never takes a secret key from tor: a new key is a throwaway, so tor is told to forget it.
        command.Append(request.Key?.ToKeyArgument() ?? "NEW:ED25519-V3");
        var flags = new List<string>();
        if (request.Key is null)
        {
            flags.Add("DiscardPK");
        }

        if (request.Detach)
        {
            flags.Add("Detach");
        }

        if (flags.Count > 0)
        {
            command.Append(" Flags=").AppendJoin(',', flags);
        }

        if (request.ProofOfWork)
        {
            var version = await GetVersionAsync(cancellationToken).ConfigureAwait(false);
            if (!version.TryGet(out var torVersion, out var versionError))
            {
                return versionError;
            }

            if (torVersion.IsAtLeast(TorVersion.AddOnionProofOfWork))
            {
                command.Append(" PoWDefensesEnabled=1");
            }
        }

        foreach (var port in request.Ports)
        {
            command.Append(CultureInfo.InvariantCulture, $" Port={port.VirtualPort},{port.Target}");
        }

        var sent = await CommandAsync(command.ToString(), "ADD_ONION", cancellationToken).ConfigureAwait(false);
        command.Clear();
        if (!sent.TryGet(out var reply, out var error))
        {
            return error;
        }

        // "250-ServiceID=<56 base32>" [ "250-PrivateKey=..." ] ... "250 OK".
        var serviceId = reply.Lines.FirstOrDefault(l => l.Kind == ControlLineKind.Mid && l.Text.StartsWith("ServiceID=", StringComparison.Ordinal));
        if (serviceId is null)
        {
            return ControlErrors.UnexpectedReply;
        }

        var parsed = OnionAddress.Parse(serviceId.Text["ServiceID=".Length..]);
        if (!parsed.TryGet(out var address, out error))
        {
            return ControlErrors.UnexpectedReply;
        }

        if (request.Key is not null && !request.Key.Address.Equals(address))
        {
            return new KithError("tor.onion.address_mismatch", ErrorScope.Local, false,
                "Tor reported a different onion address than the key's own.");
        }

        return new PublishedOnionService(address, 0, 0);
    }

    /// <summary>
    /// Creates an onion service and waits until every descriptor upload tor started for it has been acknowledged or
    /// has failed (<c>HS_DESC UPLOAD</c> → <c>UPLOADED</c>/<c>FAILED</c>, control-spec §4.1.25). Fails if no HSDir
    /// took a descriptor. If the wait is cancelled the service stays; remove it with <see cref="DelOnionAsync"/>.
    /// </summary>
    public async Task<Result<PublishedOnionService>> PublishOnionServiceAsync(OnionServiceRequest request, CancellationToken cancellationToken)
    {
        // Subscribe first: the first UPLOAD can follow ADD_ONION's reply immediately.
        var subscribed = await SubscribeAsync(["HS_DESC"], cancellationToken).ConfigureAwait(false);
        if (!subscribed.TryGet(out var subscription, out var error))
        {
            return error;
        }

        await using (subscription.ConfigureAwait(false))
        {
            var added = await AddOnionAsync(request, cancellationToken).ConfigureAwait(false);
            if (!added.TryGet(out var service, out error))
            {
                return error;
            }

            var tracker = new DescriptorUploadTracker(service.Address.ServiceId);
            while (!tracker.IsComplete)
            {
                var next = await subscription.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (!next.TryGet(out var reply, out error))
                {
                    return error;
                }

                var parsed = HsDescEvent.Parse(reply);
                if (!parsed.TryGet(out var descriptorEvent, out error))
                {
                    return error;
                }

                tracker.Observe(descriptorEvent);
            }

            if (tracker.Uploaded == 0)
            {
                return new KithError("tor.onion.publish_failed", ErrorScope.Local, true,
                    $"No HSDir accepted the onion service descriptor ({tracker.Failed} uploads failed).");
            }

            return service with { DescriptorsUploaded = tracker.Uploaded, DescriptorsFailed = tracker.Failed };
        }
    }

    /// <summary>Removes an onion service made by <c>ADD_ONION</c> (control-spec §3.38 <c>DEL_ONION</c>).</summary>
    public async Task<Result<Unit>> DelOnionAsync(OnionAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var sent = await CommandAsync("DEL_ONION " + address.ServiceId, "DEL_ONION", cancellationToken).ConfigureAwait(false);
        return sent.IsOk ? Result.Ok() : sent.Error;
    }
}
