package io.greenportal.platform.grpc;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.google.protobuf.Timestamp;

import io.greenportal.platform.web.Times;

/** Times across gRPC: protobuf timestamps to and from the portal's +08:00 times. */
public final class ProtoTimes {

    private ProtoTimes() {
    }

    /** The unset timestamp (epoch 0) for no time. */
    public static Timestamp timestamp(OffsetDateTime time) {
        if (time == null) {
            return Timestamp.getDefaultInstance();
        }
        return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
    }

    /** A protobuf timestamp as a Shanghai time; the unset timestamp (epoch 0) is no time. */
    public static OffsetDateTime local(Timestamp timestamp) {
        if (timestamp == null || (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0)) {
            return null;
        }
        return Times.local(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
    }
}
