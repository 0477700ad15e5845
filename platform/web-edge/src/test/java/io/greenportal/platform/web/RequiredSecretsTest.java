package io.greenportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A missing secret stops start-up outside the local portal; the local portal gets its own value. */
@Tag("unit")
class RequiredSecretsTest {

    static StandardEnvironment environment(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        return environment;
    }

    @Test
    void aMissingSecretStopsStartUpNamingTheVariable() {
        var environment = environment(Map.of(RequiredSecrets.LIST, "app.key=GP_APP_KEY", "app.key", ""));
        assertThatThrownBy(() -> new RequiredSecrets().postProcessEnvironment(environment, null))
                .hasMessageContaining("set GP_APP_KEY").hasMessageContaining("app.key");
    }

    @Test
    void aSetSecretIsKeptAndTheLocalPortalGetsAStableValueOfItsOwn() {
        var set = environment(Map.of(RequiredSecrets.LIST, "app.key=GP_APP_KEY", "app.key", "s3cret-value-0123456789"));
        new RequiredSecrets().postProcessEnvironment(set, null);
        assertThat(set.getProperty("app.key")).isEqualTo("s3cret-value-0123456789");

        var local = environment(Map.of(RequiredSecrets.LIST, "app.key=GP_APP_KEY", RequiredSecrets.LOCAL_PORTAL, "true"));
        new RequiredSecrets().postProcessEnvironment(local, null);
        var again = environment(Map.of(RequiredSecrets.LIST, "app.key=GP_APP_KEY", RequiredSecrets.LOCAL_PORTAL, "true"));
        new RequiredSecrets().postProcessEnvironment(again, null);
        assertThat(local.getProperty("app.key")).startsWith("local-portal-only-").hasSizeGreaterThan(32)
                .isEqualTo(again.getProperty("app.key"));
    }

    @Test
    void theLocalPortalsValueWinsOverTheBlankThatApplicationYmlDeclares() {
        // application.yml says "secret-key: ${GP_WEBHOOK_SECRET_KEY:}": blank when the variable is unset
        var local = environment(Map.of(RequiredSecrets.LIST, "app.key=GP_APP_KEY", RequiredSecrets.LOCAL_PORTAL, "true",
                "app.key", ""));
        new RequiredSecrets().postProcessEnvironment(local, null);
        assertThat(local.getProperty("app.key")).startsWith("local-portal-only-");
    }
}
