using Google.Protobuf;
using Hotline.Api.Grpc.Reflection.V1;

namespace Hotline.Api.Grpc.Reflection;

/// <summary>
/// Answers server reflection requests (grpc doc/server-reflection.md). v1alpha messages are
/// wire-identical to v1, so the v1alpha service converts and asks here.
/// </summary>
internal sealed class ReflectionResponder
{
    private readonly DescriptorIndex _index;

    public ReflectionResponder(DescriptorIndex index) => _index = index;

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                list.Service.AddRange(_index.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                response.ListServicesResponse = list;
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, _index.FindFile(request.FileByFilename), $"File not found: {request.FileByFilename}");
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(
                    response,
                    _index.FindFileContainingSymbol(request.FileContainingSymbol),
                    $"Symbol not found: {request.FileContainingSymbol}");
                break;

            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                // Our protos declare no extensions: a known message has none, an unknown one is NOT_FOUND.
                if (_index.IsMessage(request.AllExtensionNumbersOfType))
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse
                    {
                        BaseTypeName = request.AllExtensionNumbersOfType,
                    };
                }
                else
                {
                    SetError(response, StatusCode.NotFound, $"Type not found: {request.AllExtensionNumbersOfType}");
                }

                break;

            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound, "No extensions are defined.");
                break;

            default:
                SetError(response, StatusCode.InvalidArgument, "The reflection request asks nothing.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, Google.Protobuf.Reflection.FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        var files = new FileDescriptorResponse();
        foreach (var each in DescriptorIndex.WithDependencies(file))
        {
            files.FileDescriptorProto.Add(each.SerializedData);
        }

        response.FileDescriptorResponse = files;
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
