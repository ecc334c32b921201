"""Compiles .proto files at run time and returns their message classes.

Uses python3-grpc-tools' protoc to build a FileDescriptorSet in a temporary directory and loads it
into a fresh descriptor pool, so no generated code is checked in and the old protoc bundled by
Debian's grpc-tools needs no matching runtime.
"""

import os
import subprocess
import sys
import tempfile

import grpc_tools
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory


class ProtoSet:
    def __init__(self, proto_root, files):
        include = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
        with tempfile.TemporaryDirectory() as temp:
            out = os.path.join(temp, "set.pb")
            command = [sys.executable, "-m", "grpc_tools.protoc", "-I", proto_root, "-I", include,
                       "--include_imports", "--descriptor_set_out=" + out] + list(files)
            subprocess.run(command, check=True)
            with open(out, "rb") as handle:
                descriptor_set = descriptor_pb2.FileDescriptorSet.FromString(handle.read())
        self._pool = descriptor_pool.DescriptorPool()
        for file in descriptor_set.file:  # protoc writes dependencies first
            self._pool.Add(file)
        self._factory = message_factory.MessageFactory(self._pool)

    def message(self, full_name):
        descriptor = self._pool.FindMessageTypeByName(full_name)
        if hasattr(message_factory, "GetMessageClass"):
            return message_factory.GetMessageClass(descriptor)
        return self._factory.GetPrototype(descriptor)

    def enum_value(self, enum_full_name, value_name):
        return self._pool.FindEnumTypeByName(enum_full_name).values_by_name[value_name].number

    def method(self, channel, service, name):
        """A callable for /service/name with the right serializers and streaming kind."""
        method = self._pool.FindServiceByName(service).FindMethodByName(name)
        path = "/%s/%s" % (service, name)
        request = self.message(method.input_type.full_name)
        response = self.message(method.output_type.full_name)
        kind = {(False, False): channel.unary_unary, (False, True): channel.unary_stream,
                (True, False): channel.stream_unary, (True, True): channel.stream_stream}
        factory = kind[(method.client_streaming, method.server_streaming)]
        return request, factory(path, request_serializer=lambda m: m.SerializeToString(),
                                response_deserializer=response.FromString)
