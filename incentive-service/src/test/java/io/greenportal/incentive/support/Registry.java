package io.greenportal.incentive.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.greenportal.contracts.registry.v1.ChangeStatusRequest;
import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.contracts.registry.v1.Subject;
import io.greenportal.platform.creditcode.Uscc;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.registryfake.RegistryFake;
import io.grpc.ManagedChannel;

import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;

/**
 * The registry as tests use it (the JVM's in-memory fake, registry-fake, which the service's registry
 * channel reaches too; see META-INF/spring.factories): they register their own listings and change
 * their status the way the certification service does, with its client token. The fake holds the
 * demo accounts' listings as the local portal's registry does (ent-a active, ent-b only suspended).
 */
public final class Registry {

    /** The demo accounts' enterprises (Keycloak users ent-a and ent-b). */
    public static final String ENT_A = "91640100MA76A00010";
    public static final String ENT_A_NAME = "宁夏绿源新材料有限公司";
    public static final String ENT_B = "91640200MA76B00020";

    private static final ManagedChannel CHANNEL = RegistryFake.shared().channel();

    private Registry() {
    }

    private static RegistryServiceGrpc.RegistryServiceBlockingStub stub() {
        return RegistryServiceGrpc.newBlockingStub(CHANNEL)
                .withInterceptors(new BearerTokenAuthenticationInterceptor(Tokens.client("certification-service")))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** A new valid credit code of an enterprise in the given region (synthetic, unique per call). */
    public static String newUscc(String region) {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        return Uscc.withCheckCharacter("91" + region + "N" + n);
    }

    /** Registers a listing; the same requestId always returns the same listing (idempotent). */
    public static Listing register(String requestId, String uscc, String name, String region, ListingType type,
            Level level, int year, String grantedOn) {
        Subject.Builder subject = Subject.newBuilder();
        switch (type) {
            case GREEN_FACTORY -> subject.setSiteName(name + "生产基地");
            case GREEN_PARK -> subject.setParkName(name.replace("管理委员会", ""));
            case GREEN_PRODUCT -> subject.setProductName("电池级碳酸锂").setProductModel("Li2CO3≥99.5%").setProductCategory("化工");
            default -> {
            }
        }
        var request = RegisterListingRequest.newBuilder().setRequestId(requestId).setType(type).setLevel(level)
                .setEnterprise(Enterprise.newBuilder().setUscc(uscc).setName(name).setRegionCode(region)
                        .setIndustryCode(type == ListingType.GREEN_PARK ? "S92" : "C26"))
                .setSubject(subject).setYear(year).setBatch(year + "年度第1批").setSource("CERTIFICATION")
                .setSourceRef("incentive-it");
        if (grantedOn != null) {
            request.setGrantedOn(grantedOn);
        }
        return stub().registerListing(request.build()).getListing();
    }

    /** A listing of the demo enterprise ent-a, created once and reused by every run (stable request id). */
    public static Listing entA(String key, ListingType type, Level level, int year) {
        return register("incentive-it:ent-a:" + key, ENT_A, ENT_A_NAME, "640106", type, level, year, null);
    }

    public static Listing changeStatus(String listingId, StatusAction action, String reason) {
        return stub().changeStatus(ChangeStatusRequest.newBuilder().setListingId(listingId).setAction(action)
                .setReason(reason).build());
    }

    public static EnterpriseListings lookup(String uscc) {
        return stub().lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).build());
    }
}
