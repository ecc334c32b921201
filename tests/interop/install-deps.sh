#!/bin/sh
# Installs the independent gRPC client the interop tests use (Debian's python3-grpcio) when missing.
set -e
if /usr/bin/python3 -c "import grpc, grpc_tools, google.protobuf" 2>/dev/null; then
  exit 0
fi
apt-get update -qq
apt-get install -y -qq python3-grpcio python3-grpc-tools python3-protobuf
