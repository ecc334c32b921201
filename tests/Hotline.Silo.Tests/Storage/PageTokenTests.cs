using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;

namespace Hotline.Silo.Tests.Storage;

public sealed class PageTokenTests
{
    [Fact]
    public void Decode_EncodedForTheSameQuery_RoundTrips()
    {
        var query = new TicketQuery(States: ["CLAIMED"], DepartmentId: "D01", PageSize: 10);
        var token = new PageToken(638_000_000_000_000_000, "T-42");

        var text = PageToken.Encode(token, query);

        Assert.Equal(token, PageToken.Decode(text, query with { PageSize = 20 }));
        Assert.DoesNotContain("T-42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EveryTruncation_IsRefused()
    {
        var query = new TicketQuery();
        var text = PageToken.Encode(new PageToken(638_000_000_000_000_000, "T-42"), query);

        for (var length = 1; length < text.Length - 1; length++)
        {
            var error = Assert.Throws<ArgumentException>(() => PageToken.Decode(text[..length], query));
            Assert.Equal("page_token", error.ParamName);
        }
    }

    [Fact]
    public void Decode_OtherDepartment_IsRefused()
    {
        var text = PageToken.Encode(new PageToken(1, "T"), new TicketQuery(DepartmentId: "D01"));

        Assert.Throws<ArgumentException>(() => PageToken.Decode(text, new TicketQuery(DepartmentId: "D02")));
    }
}
