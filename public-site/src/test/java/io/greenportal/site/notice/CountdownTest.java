package io.greenportal.site.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CountdownTest {

    @Test
    void saysWhatIsLeftInTheLargestUnitsThatMatter() {
        assertThat(Countdown.describe(Duration.ofDays(2).plusHours(3).plusMinutes(30))).isEqualTo("剩余 2 天 3 小时");
        assertThat(Countdown.describe(Duration.ofHours(5).plusMinutes(12))).isEqualTo("剩余 5 小时 12 分钟");
        assertThat(Countdown.describe(Duration.ofSeconds(20))).isEqualTo("剩余 1 分钟");
        assertThat(Countdown.describe(Duration.ZERO)).isEqualTo("公示期已结束");
        assertThat(Countdown.describe(Duration.ofMinutes(-5))).isEqualTo("公示期已结束");
    }
}
