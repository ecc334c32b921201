using Google.Protobuf.Reflection;
using Hotline.Api.Grpc;
using Hotline.Api.Grpc.Reflection;
using Hotline.Api.Grpc.Reflection.V1;
using Hotline.Api.V1;

namespace Hotline.Api.Tests.Grpc.Reflection;

public sealed class ReflectionResponderTests
{
    private static readonly ServiceDescriptor HotlineDesk =
        HotlineDeskReflection.Descriptor.FindTypeByName<ServiceDescriptor>("HotlineDesk");

    private readonly ReflectionResponder _responder = new(new DescriptorIndex([HotlineDesk, ServerReflectionV1Service.ServiceDescriptor]));

    [Fact]
    public void Answer_ListServices_NamesEveryService()
    {
        var response = _responder.Answer(new ServerReflectionRequest { ListServices = "*" });

        Assert.Equal(
            ["hotline.v1.HotlineDesk", "grpc.reflection.v1.ServerReflection"],
            response.ListServicesResponse.Service.Select(s => s.Name));
        Assert.Equal("*", response.OriginalRequest.ListServices);
    }

    [Fact]
    public void Answer_FileContainingService_ReturnsFileThenItsImports()
    {
        var response = _responder.Answer(new ServerReflectionRequest { FileContainingSymbol = "hotline.v1.HotlineDesk" });

        var names = response.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name).ToList();
        Assert.Equal("hotline/v1/hotline_desk.proto", names[0]);
        Assert.Contains("hotline/v1/types.proto", names);
        Assert.Contains("google/protobuf/timestamp.proto", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [InlineData("hotline.v1.HotlineDesk.CreateTicket", "hotline/v1/hotline_desk.proto")]
    [InlineData("hotline.v1.Ticket", "hotline/v1/types.proto")]
    [InlineData("hotline.v1.TicketState", "hotline/v1/types.proto")]
    [InlineData("hotline.v1.Ticket.caller_phone", "hotline/v1/types.proto")]
    [InlineData("google.protobuf.Timestamp", "google/protobuf/timestamp.proto")]
    public void Answer_FileContainingSymbol_FindsDefiningFile(string symbol, string file)
    {
        var response = _responder.Answer(new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(file, FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]).Name);
    }

    [Fact]
    public void Answer_FileByFilename_ReturnsIt()
    {
        var response = _responder.Answer(new ServerReflectionRequest { FileByFilename = "hotline/v1/types.proto" });

        var file = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("hotline.v1", file.Package);
        Assert.Contains(file.MessageType, m => m.Name == "HistoryEntry");
    }

    [Theory]
    [InlineData("hotline.v1.Nope")]
    [InlineData("")]
    public void Answer_UnknownSymbol_NotFoundError(string symbol)
    {
        var response = _responder.Answer(new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public void Answer_ExtensionsOfKnownType_EmptyList()
    {
        var response = _responder.Answer(new ServerReflectionRequest { AllExtensionNumbersOfType = "hotline.v1.Ticket" });

        Assert.Equal("hotline.v1.Ticket", response.AllExtensionNumbersResponse.BaseTypeName);
        Assert.Empty(response.AllExtensionNumbersResponse.ExtensionNumber);
    }

    [Fact]
    public void Answer_NothingAsked_InvalidArgumentError()
    {
        var response = _responder.Answer(new ServerReflectionRequest());

        Assert.Equal((int)StatusCode.InvalidArgument, response.ErrorResponse.ErrorCode);
    }
}
