using Hotline.Api.Calls;
using Hotline.Api.Desks;
using Hotline.Contracts.Tickets;
using ApiV1 = Hotline.Api.V1;

namespace Hotline.Api.Tests.Desks;

/// <summary>The generated enum mappers cover every domain value, and only known wire values come back.</summary>
public sealed class TicketEnumsTests
{
    [Fact]
    public void ToMessage_EveryDomainValue_HasItsOwnWireValue()
    {
        Assert.Equal(Enum.GetValues<TicketState>().Length, Enum.GetValues<TicketState>().Select(TicketEnums.ToMessage).Where(v => v != ApiV1.TicketState.Unspecified).Distinct().Count());
        Assert.Equal(Enum.GetValues<Category>().Length, Enum.GetValues<Category>().Select(TicketEnums.ToMessage).Where(v => v != ApiV1.Category.Unspecified).Distinct().Count());
        Assert.Equal(Enum.GetValues<Urgency>().Length, Enum.GetValues<Urgency>().Select(TicketEnums.ToMessage).Where(v => v != ApiV1.Urgency.Unspecified).Distinct().Count());
        Assert.Equal(Enum.GetValues<Satisfaction>().Length, Enum.GetValues<Satisfaction>().Select(TicketEnums.ToMessage).Where(v => v != ApiV1.Satisfaction.Unspecified).Distinct().Count());
        Assert.Equal(ApiV1.Category.HelpRequest, TicketEnums.ToMessage(Category.Help));
        Assert.Equal(ApiV1.DeadlineStatus.Unspecified, TicketEnums.ToMessage(DeadlineStatus.None));
    }

    [Fact]
    public void FromMessage_RoundTripsEveryDomainValue()
    {
        Assert.All(Enum.GetValues<TicketState>(), s => Assert.Equal(s, TicketEnums.FromMessage(TicketEnums.ToMessage(s))));
        Assert.All(Enum.GetValues<Category>(), c => Assert.Equal(c, TicketEnums.FromMessage(TicketEnums.ToMessage(c))));
        Assert.All(Enum.GetValues<Urgency>(), u => Assert.Equal(u, TicketEnums.FromMessage(TicketEnums.ToMessage(u))));
        Assert.All(Enum.GetValues<Satisfaction>(), s => Assert.Equal(s, TicketEnums.FromMessage(TicketEnums.ToMessage(s))));
    }

    [Fact]
    public void FromMessage_UnspecifiedOrUndefinedNumber_Null()
    {
        Assert.Null(TicketEnums.FromMessage(ApiV1.TicketState.Unspecified));
        Assert.Null(TicketEnums.FromMessage((ApiV1.TicketState)99));
        Assert.Null(TicketEnums.FromMessage((ApiV1.Category)(-1)));
        Assert.Null(TicketEnums.FromMessage(ApiV1.Urgency.Unspecified));
        Assert.Null(TicketEnums.FromMessage((ApiV1.Satisfaction)42));
    }

    [Fact]
    public void CallCenterEnums_NullOrNone_Unspecified()
    {
        Assert.Equal(ApiV1.OfferEndReason.Unspecified, CallCenterEnums.ToMessage((Telephony.Acd.OfferEndReason?)null));
        Assert.Equal(ApiV1.HangUpSide.Unspecified, CallCenterEnums.ToMessage((Telephony.Acd.CallRecords.HangUpSide?)null));
        Assert.Equal(ApiV1.SurveyResult.Unspecified, CallCenterEnums.ToMessage(Telephony.Ivr.SurveyResult.None));
        Assert.All(Enum.GetValues<Contracts.Agents.AgentState>(), s => Assert.NotEqual(ApiV1.AgentState.Unspecified, CallCenterEnums.ToMessage(s)));
    }
}
