package io.greenportal.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Cache-Control is read directive by directive: one forbidding directive anywhere forbids storing. */
class CacheControlTest {

    @Test
    void aPublicAnswerWithAMaxAgeMayBeKeptThatLong() {
        CacheControl control = CacheControl.parse(List.of("public, max-age=1"));
        assertThat(control.isPublic()).isTrue();
        assertThat(control.forbidsStoring()).isFalse();
        assertThat(control.maxAge()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void springSecuritysDefaultForbidsStoringThoughItIsOneString() {
        assertThat(CacheControl.parse(List.of("no-cache, no-store, max-age=0, must-revalidate")).forbidsStoring()).isTrue();
        assertThat(CacheControl.parse(List.of("public", "private")).forbidsStoring()).isTrue();
        assertThat(CacheControl.parse(List.of("public, max-age=60, PRIVATE")).forbidsStoring()).isTrue();
        assertThat(CacheControl.parse(List.of("public, no-cache=\"Set-Cookie\"")).forbidsStoring()).isTrue();
    }

    @Test
    void aSharedCacheTakesSMaxAgeOverMaxAge() {
        assertThat(CacheControl.parse(List.of("public, max-age=60, s-maxage=2")).maxAge()).isEqualTo(Duration.ofSeconds(2));
        assertThat(CacheControl.parse(List.of("public, s-maxage=2, max-age=60")).maxAge()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aMaxAgeThatIsNotANumberForbidsRatherThanGuesses() {
        assertThat(CacheControl.parse(List.of("public, max-age=1e3")).forbidsStoring()).isTrue();
        assertThat(CacheControl.parse(List.of("public, max-age=-1")).forbidsStoring()).isTrue();
        assertThat(CacheControl.parse(List.of("public, max-age=99999999999")).forbidsStoring()).isTrue();
    }

    @Test
    void noHeaderIsNotPublic() {
        assertThat(CacheControl.parse(null).isPublic()).isFalse();
        assertThat(CacheControl.parse(List.of()).maxAge()).isNull();
    }
}
