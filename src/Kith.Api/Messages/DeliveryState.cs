namespace Kith.Api.Messages;

/// <summary>
/// A sent message's delivery as the engine computes it from its outbox: every device of the recipient account and
/// of the sender's own other devices must acknowledge (issue 5: "queued, delivered to n of m devices, seen").
/// </summary>
/// <param name="Stage">Queued, delivered (to some or all), or seen.</param>
/// <param name="DeliveredTo">Devices that acknowledged (n).</param>
/// <param name="Devices">Devices it must reach (m).</param>
public sealed record DeliveryState(DeliveryStage Stage, int DeliveredTo, int Devices);
