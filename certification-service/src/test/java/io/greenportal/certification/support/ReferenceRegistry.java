package io.greenportal.certification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.greenportal.contracts.registry.v1.GetReferenceDataRequest;
import io.greenportal.contracts.registry.v1.ReferenceData;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.ReferenceEntry;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * The registry's reference data (a few GB/T 2260 regions and GB/T 4754 industries) served in-process,
 * in memory: no network, no registry. Counts the calls it answers.
 */
public final class ReferenceRegistry implements AutoCloseable {

    public static final Map<String, String> REGIONS = Map.of("640000", "宁夏回族自治区", "640100", "银川市",
            "640104", "兴庆区", "640106", "金凤区", "640200", "石嘴山市", "640205", "惠农区", "140000", "山西省",
            "140200", "大同市", "140223", "广灵县");
    public static final Map<String, String> INDUSTRIES = Map.of("C30", "非金属矿物制品业", "C27", "医药制造业",
            "C26", "化学原料和化学制品制造业", "D44", "电力、热力生产和供应业");

    private final Server server;
    private final ManagedChannel channel;
    private final AtomicInteger calls = new AtomicInteger();

    public ReferenceRegistry() {
        String name = "reference-" + System.identityHashCode(this);
        ReferenceData data = ReferenceData.newBuilder()
                .addAllRegions(REGIONS.entrySet().stream()
                        .map(e -> ReferenceEntry.newBuilder().setCode(e.getKey()).setName(e.getValue()).build()).toList())
                .addAllIndustries(INDUSTRIES.entrySet().stream()
                        .map(e -> ReferenceEntry.newBuilder().setCode(e.getKey()).setName(e.getValue()).build()).toList())
                .build();
        try {
            server = InProcessServerBuilder.forName(name).directExecutor()
                    .addService(new ReferenceDataServiceGrpc.ReferenceDataServiceImplBase() {
                        @Override
                        public void getReferenceData(GetReferenceDataRequest request,
                                StreamObserver<ReferenceData> response) {
                            calls.incrementAndGet();
                            response.onNext(data);
                            response.onCompleted();
                        }
                    }).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    /** A registry nobody answers for: every call fails as UNAVAILABLE. */
    public static ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub unreachable() {
        return ReferenceDataServiceGrpc.newBlockingStub(InProcessChannelBuilder.forName("nobody-serves-this").build());
    }

    public ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub stub() {
        return ReferenceDataServiceGrpc.newBlockingStub(channel);
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
