package io.greenportal.platform.pgsignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Only a plain channel name reaches the LISTEN statement (it cannot be a bind parameter). */
@Tag("unit")
class PgSignalTest {

    final ListenConnections nowhere = new ListenConnections("jdbc:postgresql://127.0.0.1:1/none", "u", "p", "test");

    @Test
    void onlyPlainChannelNamesAreListenedTo() {
        assertThat(new PgSignal("registry_changes", nowhere).channel()).isEqualTo("registry_changes");
        for (String bad : new String[] {"", "Registry", "x; drop table change_log", "a-b", "1abc"}) {
            assertThatThrownBy(() -> new PgSignal(bad, nowhere)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
