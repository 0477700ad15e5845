package io.greenportal.certification.application;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.RemoteCalls;
import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.web.ApiException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.springframework.stereotype.Component;

/**
 * What the registry holds for an enterprise (by its credit code): its name, which the public notice
 * shows, so an application of an enterprise the registry knows carries it from submission on; and
 * the city it is registered in, whose reviewers examine its applications first.
 */
@Component
public class RegisteredEnterprises {

    /**
     * @param cityCode the city (地级) of its registered region: empty when the registry has none, the
     *                 province's code when it knows only the province
     */
    public record Registered(String name, String cityCode) {

        /** Whether an application in this city is one its registered city reviews (always, when the registry knows no city). */
        public boolean reviewedIn(String applicationCity) {
            return cityCode.isEmpty() || cityCode.endsWith("0000") || cityCode.equals(applicationCity);
        }
    }

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    public RegisteredEnterprises(RegistryServiceGrpc.RegistryServiceBlockingStub registry) {
        this.registry = registry;
    }

    /** The registry's record, or empty when it does not know the enterprise; 503 when it cannot be asked. */
    public Optional<Registered> of(String uscc) {
        RemoteCalls.requireNoTransaction("the registry");
        try {
            EnterpriseListings found = registry.withDeadlineAfter(5, TimeUnit.SECONDS)
                    .lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).build());
            String name = found.getFound() ? found.getEnterprise().getName().strip() : "";
            return name.isEmpty() ? Optional.empty()
                    : Optional.of(new Registered(name, found.getEnterprise().getCityCode().strip()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw ApiException.unavailable("dependency-unavailable", "The registry could not be asked for the enterprise's registered name ("
                    + e.getStatus().getCode() + "); nothing was changed, try again shortly");
        }
    }
}
