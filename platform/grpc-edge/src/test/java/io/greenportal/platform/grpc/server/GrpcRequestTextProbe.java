package io.greenportal.platform.grpc.server;

import com.google.protobuf.Message;

/** Test access to the package-private check. */
public final class GrpcRequestTextProbe {

    private GrpcRequestTextProbe() {
    }

    public static String problem(Message message) {
        return GrpcRequestText.problem(message, "");
    }
}
