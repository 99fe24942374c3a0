using System.Text.Json;
using System.Text.Json.Serialization;
using Kith.Api.Connection;
using Kith.Api.Contacts;
using Kith.Api.Devices;
using Kith.Api.Errors;
using Kith.Api.Events;
using Kith.Api.Identity;
using Kith.Api.Messages;
using Kith.Api.Status;

namespace Kith.Api;

/// <summary>
/// The JSON of every API type, generated at build time so the node and its clients serialise identically and
/// without reflection: web defaults (camelCase), enums as their names so scripts reading <c>--json</c> see words.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = false)]
[JsonSerializable(typeof(ApiConnection))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(NodeStatus))]
[JsonSerializable(typeof(IdentityCard))]
[JsonSerializable(typeof(ContactView))]
[JsonSerializable(typeof(IReadOnlyList<ContactView>))]
[JsonSerializable(typeof(AddContactRequest))]
[JsonSerializable(typeof(SafetyNumberView))]
[JsonSerializable(typeof(VerifyRequest))]
[JsonSerializable(typeof(DeviceView))]
[JsonSerializable(typeof(IReadOnlyList<DeviceView>))]
[JsonSerializable(typeof(LinkDeviceRequest))]
[JsonSerializable(typeof(LinkDeviceProgress))]
[JsonSerializable(typeof(RevokeDeviceRequest))]
[JsonSerializable(typeof(SendRequest))]
[JsonSerializable(typeof(MessageView))]
[JsonSerializable(typeof(ChatView))]
[JsonSerializable(typeof(DeleteRequest))]
[JsonSerializable(typeof(NodeEvent))]
public sealed partial class ApiJson : JsonSerializerContext;
