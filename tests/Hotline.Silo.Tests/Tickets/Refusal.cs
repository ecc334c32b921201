using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tests.Tickets;

/// <summary>Asserts that an action is refused with the given kind, and hands back the refusal for further checks.</summary>
internal static class Refusal
{
    public static TicketRefusedException Expect(TicketRefusal kind, Action act)
    {
        var refusal = Assert.Throws<TicketRefusedException>(act);
        Assert.Equal(kind, refusal.Kind);
        return refusal;
    }

    public static void ExpectInvalid(string field, Action act) =>
        Assert.Equal(field, Expect(TicketRefusal.InvalidArgument, act).Field);

    public static void ExpectWrongState(TicketState state, Action act)
    {
        var refusal = Expect(TicketRefusal.FailedPrecondition, act);
        Assert.Equal(state, refusal.State);
        Assert.Contains(TicketStateNames.Wire(state), refusal.Message, StringComparison.Ordinal);
    }
}
