package io.greenportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Failures that are not the service's bug get a 4xx or a 503, never "internal". */
@Tag("unit")
class FailuresTest {

    final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aUniqueKeyAnotherRequestStoredFirstIsAConflict() {
        // as Spring's DuplicateKeyException wraps PostgreSQL's unique violation
        var raced = new RuntimeException("duplicate key", new SQLException("duplicate key value", "23505"));
        assertThat(Failures.raced(raced)).isTrue();
        var answer = advice.unexpected(raced);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getType().toString()).endsWith("/conflict");
        assertThat(answer.getBody().getDetail()).contains("nothing was changed");
    }

    @Test
    void otherFailuresKeepTheirAnswers() {
        assertThat(advice.unexpected(new RuntimeException(new SQLException("too long", "22001"))).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(advice.unexpected(new RuntimeException(new SQLTransientConnectionException("pool"))).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // a foreign key or check constraint is not a race: still the service's bug
        assertThat(Failures.raced(new RuntimeException(new SQLException("fk", "23503")))).isFalse();
        assertThat(advice.unexpected(new IllegalStateException("bug")).getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
