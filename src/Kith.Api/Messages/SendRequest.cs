namespace Kith.Api.Messages;

/// <summary>Sends a text message to a contact's chat.</summary>
/// <param name="Contact">The contact: account id, a unique prefix of 8 or more hex digits, or a unique display name.</param>
/// <param name="Text">The message text.</param>
public sealed record SendRequest(string Contact, string Text);
