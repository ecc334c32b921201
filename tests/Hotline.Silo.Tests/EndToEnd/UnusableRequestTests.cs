using System.Net;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>
/// Issue 9 items 2 and 7 against the host process: requests a client made unusable (timestamps out of range,
/// text that is not UTF-8, over gRPC and HTTP/JSON) are INVALID_ARGUMENT naming what is wrong, store nothing,
/// and, sent by the hundred, leave no error and no stack trace in the host's log.
/// </summary>
public sealed class UnusableRequestTests
{
    [Fact]
    public async Task MalformedTimestampsAndBadUtf8_SentRepeatedly_InvalidArgumentNothingStoredNoErrorLogged()
    {
        var settings = HostSettingsArgs.Sqlite();
        try
        {
            await using var host = await HostProcess.StartAsync(settings);
            var agent = await host.IssueTokenAsync("--staff", "a1", "--role", "agent");
            var department = await host.IssueTokenAsync("--department", DeskCaller.Department);
            using var client = new GrpcTestClient(host.GrpcAddress);
            var ticketId = (await client.CreateAsync(agent)).Value.TicketId;
            _ = (await client.UnaryAsync(GrpcTestClient.HotlineDesk, "DispatchTicket",
                new DispatchTicketRequest { TicketId = ticketId, DepartmentId = DeskCaller.Department }, Ticket.Parser, agent)).Value;

            // SearchTickets created_from {0, -1}, seconds 2^62, one second before year 1.
            foreach (var (seconds, nanos) in new[] { (0L, -1), (1L << 62, 0), (-62_135_596_801L, 0) })
            {
                var search = new SearchTicketsRequest { CreatedFrom = new Timestamp { Seconds = seconds, Nanos = nanos } };
                var reply = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "SearchTickets", search, SearchTicketsResponse.Parser, agent);
                Assert.Equal((StatusCode.InvalidArgument, "created_from: is not a valid timestamp"), (reply.Status, reply.Message));
            }

            // CreateTicket whose content (field 6) is the bytes FF FE, 200 times (the last occurrence of a field wins).
            byte[] badCreate = [.. TicketRequests.Create().ToByteArray(), 0x32, 0x02, 0xFF, 0xFE];
            for (var i = 0; i < 200; i++)
            {
                var reply = await client.UnaryRawAsync("HotlineDesk", "CreateTicket", badCreate, agent);
                Assert.Equal(StatusCode.InvalidArgument, reply.Status);
            }

            // HTTP/JSON: a lone surrogate escaped in the body.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.HttpPort}") };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", department);
            for (var i = 0; i < 50; i++)
            {
                using var body = new StringContent("{\"content\":\"\\ud800 核查\"}", Encoding.UTF8, "application/json");
                using var answer = await http.PostAsync($"/v1/department/tickets/{ticketId}:progress", body);
                Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            }

            var stored = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "SearchTickets", new SearchTicketsRequest(), SearchTicketsResponse.Parser, agent);
            var ticket = await client.UnaryAsync(GrpcTestClient.HotlineDesk, "GetTicket", new GetTicketRequest { TicketId = ticketId }, Ticket.Parser, agent);
            Assert.Equal([ticketId], stored.Value.Tickets.Select(t => t.TicketId));
            Assert.Empty(ticket.Value.Progress);
            var log = host.Output;
            Assert.DoesNotContain("\"LogLevel\":\"Error\"", log, StringComparison.Ordinal);
            Assert.DoesNotContain("InvalidProtocolBufferException", log, StringComparison.Ordinal);
            Assert.DoesNotContain("DecoderFallbackException", log, StringComparison.Ordinal);
            Assert.DoesNotContain("JsonException", log, StringComparison.Ordinal);
        }
        finally
        {
            settings.DeleteDataDir();
        }
    }
}
