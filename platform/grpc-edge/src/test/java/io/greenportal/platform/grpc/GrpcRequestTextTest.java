package io.greenportal.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import io.greenportal.platform.grpc.server.GrpcRequestTextProbe;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every string of a gRPC request message, however deep, keeps the text rule. */
@Tag("unit")
class GrpcRequestTextTest {

    static Struct struct(String text) {
        return Struct.newBuilder().putFields("name", Value.newBuilder().setListValue(ListValue.newBuilder()
                .addValues(Value.newBuilder().setStringValue("ok"))
                .addValues(Value.newBuilder().setStringValue(text))).build()).build();
    }

    @Test
    void aStringAnywhereInTheMessageIsChecked() {
        assertThat(GrpcRequestTextProbe.problem(struct("宁夏绿源 😀"))).isNull();
        assertThat(GrpcRequestTextProbe.problem(struct("a\u0000b")))
                .isEqualTo("fields[0].value.list_value.values[1].string_value: must not contain NUL (U+0000); it is a single line of text");
        assertThat(GrpcRequestTextProbe.problem(struct("\ud800"))).contains("unpaired surrogate");
        assertThat(GrpcRequestTextProbe.problem(struct("x".repeat(1001)))).contains("at most 1000");
    }

    @Test
    void anEnumNumberItsTypeHasNoValueForIsRefusedNamingTheField() {
        Struct unknown = Struct.newBuilder().putFields("kind", Value.newBuilder().setNullValueValue(7).build()).build();
        assertThat(GrpcRequestTextProbe.problem(unknown)).isEqualTo("fields[0].value.null_value: 7 is not one of NULL_VALUE");
        Struct known = Struct.newBuilder().putFields("kind", Value.newBuilder().setNullValueValue(0).build()).build();
        assertThat(GrpcRequestTextProbe.problem(known)).isNull();
    }
}
