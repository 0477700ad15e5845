package io.greenportal.registry.reference;

import java.util.Map;
import java.util.TreeMap;

import io.greenportal.contracts.registry.v1.GetReferenceDataRequest;
import io.greenportal.contracts.registry.v1.ReferenceData;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.ReferenceEntry;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/** The region and industry tables, for services that validate codes before they reach the registry. */
@Service
public class ReferenceDataGrpcService extends ReferenceDataServiceGrpc.ReferenceDataServiceImplBase {

    private final ReferenceData data;

    public ReferenceDataGrpcService(Regions regions, Industries industries) {
        this.data = ReferenceData.newBuilder()
                .addAllRegions(entries(regions.all()))
                .addAllIndustries(entries(industries.all()))
                .build();
    }

    @Override
    public void getReferenceData(GetReferenceDataRequest request, StreamObserver<ReferenceData> response) {
        response.onNext(data);
        response.onCompleted();
    }

    private static Iterable<ReferenceEntry> entries(Map<String, String> table) {
        return new TreeMap<>(table).entrySet().stream()
                .map(e -> ReferenceEntry.newBuilder().setCode(e.getKey()).setName(e.getValue()).build())
                .toList();
    }
}
