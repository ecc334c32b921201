using System.Text.Json.Serialization;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tickets;

/// <summary>Source-generated JSON for stored state, events and feed payloads; enums as names so stored data survives reordering.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TicketGrainState))]
[JsonSerializable(typeof(TicketView))]
[JsonSerializable(typeof(TicketCreated))]
[JsonSerializable(typeof(TicketResolvedDirectly))]
[JsonSerializable(typeof(TicketDispatched))]
[JsonSerializable(typeof(ReturnRejected))]
[JsonSerializable(typeof(TicketClaimed))]
[JsonSerializable(typeof(TicketReturned))]
[JsonSerializable(typeof(ExtensionRequested))]
[JsonSerializable(typeof(ExtensionDecided))]
[JsonSerializable(typeof(ProgressAdded))]
[JsonSerializable(typeof(TicketReplied))]
[JsonSerializable(typeof(ReplyReviewed))]
[JsonSerializable(typeof(CallbackRecorded))]
[JsonSerializable(typeof(TicketMerged))]
[JsonSerializable(typeof(MergedChildAttached))]
[JsonSerializable(typeof(TicketTransferred))]
[JsonSerializable(typeof(DeadlineAlarmed))]
[JsonSerializable(typeof(ReturnVisitAttempted))]
[JsonSerializable(typeof(ReturnVisitEnded))]
[JsonSerializable(typeof(ReturnVisitUnanswered))]
[JsonSerializable(typeof(JobRescheduled))]
[JsonSerializable(typeof(JobCancelled))]
internal sealed partial class TicketJsonContext : JsonSerializerContext;
