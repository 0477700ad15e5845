package io.greenportal.platform.clientaddress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SubscribersTest {

    @Test
    void everyAddressOfAnIpv6SubscribersSlash64CountsAsOne() {
        assertThat(Subscribers.of("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Subscribers.of("2001:db8:1:2:ffff:ffff:ffff:fffe")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Subscribers.of("2001:0DB8:0001:0002:0000:0000:0000:0009")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Subscribers.of("[2001:db8:1:2::7]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(Subscribers.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(Subscribers.of("2001:db8:1:3::1")).as("the next /64 is another subscriber").isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void anIpv4AddressCountsWholeHoweverItIsWritten() {
        assertThat(Subscribers.of("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(Subscribers.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(Subscribers.of("203.0.113.8")).isNotEqualTo(Subscribers.of("203.0.113.7"));
    }

    @Test
    void whatIsNoAddressIsItsOwnKeyAndNeverLookedUp() {
        assertThat(Subscribers.of("unknown")).isEqualTo("unknown");
        assertThat(Subscribers.of("portal.example:443")).isEqualTo("portal.example:443");
        assertThat(Subscribers.of(null)).isNull();
    }
}
