namespace Hotline.Load.Grpc;

/// <summary>The calls of one ticket's lifecycle, in the order a client makes them; each OK is one durable transition.</summary>
internal enum LifecycleStep
{
    CreateTicket,
    DispatchTicket,
    ClaimTicket,
    AddProgress,
    ResolveTicket,
    ReviewReply,
    RecordCallback,
}
