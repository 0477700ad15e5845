package io.greenportal.site.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The pages rendered from canned API answers: the fake public API, and the clock of its data. */
@TestConfiguration
public class CannedApi {

    @Bean
    @Primary
    FakePublicApi fakePublicApi() {
        return new FakePublicApi();
    }

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(FakePublicApi.NOW.toInstant(), FakePublicApi.NOW.getOffset());
    }
}
