package io.greenportal.publicity.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.ChangeStatusRequest;
import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Indicator;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.StatusAction;
import io.greenportal.contracts.registry.v1.Subject;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.publicity.changefeed.FeedStream;
import io.greenportal.platform.registryfake.RegistryFake;
import io.grpc.ManagedChannel;

import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;

/**
 * The registry as tests use it (the JVM's in-memory fake, registry-fake, which the service's registry
 * channel reaches too; see META-INF/spring.factories): registering fresh listings
 * (unique credit codes) and changing their status as the certification service would, and reading
 * its change feed to know what the index must hold.
 */
public final class Registry {

    public static final int PORT = RegistryFake.shared().port();
    private static final ManagedChannel CHANNEL = RegistryFake.shared().channel();
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String HAN = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅兰竹菊琴棋书画诗酒花茶山川河海云雾雨雪";

    private Registry() {
    }

    static RegistryServiceGrpc.RegistryServiceBlockingStub stub() {
        return RegistryServiceGrpc.newBlockingStub(CHANNEL)
                .withInterceptors(new BearerTokenAuthenticationInterceptor(Tokens.client("certification-service")))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** A new valid credit code for an enterprise in the region. */
    public static String uscc(String region) {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        String first17 = "91" + region + "T" + n;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - (sum % 31);
        return first17 + ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /**
     * A few distinct Han characters in random order, which no other name contains, to tell this
     * test's listings apart (distinct, so the string never reads the same reversed).
     */
    public static String uniqueHan(int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            char c = HAN.charAt(ThreadLocalRandom.current().nextInt(HAN.length()));
            if (s.indexOf(String.valueOf(c)) < 0) {
                s.append(c);
            }
        }
        return s.toString();
    }

    public static Listing factory(String enterpriseName, String region, int year) {
        return register(RegisterListingRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setType(ListingType.GREEN_FACTORY).setLevel(Level.PROVINCIAL)
                .setEnterprise(Enterprise.newBuilder().setUscc(uscc(region)).setName(enterpriseName)
                        .setRegionCode(region).setIndustryCode("C30"))
                .setSubject(Subject.newBuilder().setSiteName(enterpriseName.replace("有限责任公司", "").replace("有限公司", "") + "生产基地")
                        .setEvaluationStandard("GB/T 36132-2018 绿色工厂评价通则"))
                .setYear(year).setBatch(year + "年度第1批")
                .addIndicators(Indicator.newBuilder().setCode("ENERGY_PER_VALUE_ADDED").setValue("0.352").setUnit("tce/万元"))
                .setSource("CERTIFICATION").setSourceRef("publicity-test").build());
    }

    public static Listing product(String enterpriseName, String region, String productName, String model, int year) {
        return register(RegisterListingRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setType(ListingType.GREEN_PRODUCT).setLevel(Level.PROVINCIAL)
                .setEnterprise(Enterprise.newBuilder().setUscc(uscc(region)).setName(enterpriseName)
                        .setRegionCode(region).setIndustryCode("C31"))
                .setSubject(Subject.newBuilder().setProductName(productName).setProductModel(model)
                        .setProductCategory("钢铁"))
                .setYear(year).setSource("CERTIFICATION").setSourceRef("publicity-test").build());
    }

    public static Listing supplyChain(String enterpriseName, String region, Level level, int year) {
        return register(RegisterListingRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setType(ListingType.GREEN_SUPPLY_CHAIN).setLevel(level)
                .setEnterprise(Enterprise.newBuilder().setUscc(uscc(region)).setName(enterpriseName)
                        .setRegionCode(region).setIndustryCode("C30"))
                .setSubject(Subject.newBuilder().setEvaluationStandard("GB/T 39257-2020 绿色制造 制造企业绿色供应链管理 评价规范"))
                .setYear(year).setBatch(year + "年度第1批")
                .setSource("CERTIFICATION").setSourceRef("publicity-test").build());
    }

    public static Listing register(RegisterListingRequest request) {
        return stub().registerListing(request).getListing();
    }

    public static Listing suspend(String id, String reason) {
        return stub().changeStatus(ChangeStatusRequest.newBuilder().setListingId(id).setAction(StatusAction.SUSPEND)
                .setReason(reason).build());
    }

    public static Listing revoke(String id, String reason) {
        return stub().changeStatus(ChangeStatusRequest.newBuilder().setListingId(id).setAction(StatusAction.REVOKE)
                .setReason(reason).build());
    }

    public static Listing restore(String id, String reason) {
        return stub().changeStatus(ChangeStatusRequest.newBuilder().setListingId(id).setAction(StatusAction.RESTORE)
                .setReason(reason).build());
    }

    /** What the registry's feed says each listing looks like after the changes up to {@code until}: id → last change. */
    public static Map<String, Change> replay(long until) throws InterruptedException {
        Map<String, Change> latest = new HashMap<>();
        if (until == 0) {
            return latest;
        }
        FeedStream<WatchChangesRequest, Change> stream = new FeedStream<>(2000);
        ChangeFeedServiceGrpc.newStub(CHANNEL)
                .withInterceptors(new BearerTokenAuthenticationInterceptor(Tokens.client("publicity-service")))
                .watchChanges(WatchChangesRequest.newBuilder().setAfterSequence(0).build(), stream);
        long last = 0;
        try {
            while (last < until) {
                List<Change> batch = stream.next(1000, Duration.ofSeconds(10));
                if (batch.isEmpty()) {
                    throw new IllegalStateException("the registry feed stopped at " + last + " before " + until);
                }
                for (Change change : batch) {
                    if (change.getSequence() <= until) {
                        latest.put(change.getListing().getId(), change);
                    }
                    last = change.getSequence();
                }
                stream.applied(batch.size());
            }
        } finally {
            stream.cancel();
        }
        return latest;
    }
}
