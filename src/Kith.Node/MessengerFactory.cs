using Kith.Engine.Delivery;
using Kith.Node.Device;

namespace Kith.Node;

/// <summary>
/// The Messenger's slot (issue 5): builds the application's handlers of delivered items and sync messages for
/// <paramref name="device"/>. <paramref name="engine"/> gives the engine they are plugged into once it exists (the
/// handlers send sync messages and run steps through it; the engine needs the handlers first).
/// </summary>
internal delegate MessengerHandlers MessengerFactory(LocalDevice device, Func<DeliveryEngine> engine);

/// <summary>What the Messenger plugs into the <see cref="DeliveryEngine"/>.</summary>
/// <param name="Inbound">Applies delivered items inside the engine's steps.</param>
/// <param name="Sync">Starts and continues conversation sync when devices connect.</param>
internal sealed record MessengerHandlers(IInboundHandler Inbound, ISyncHandler Sync);
