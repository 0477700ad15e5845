package io.greenportal.publicity.changefeed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Where the feeds stand, in the health details: whether this instance follows them, their
 * positions, the last failure. Always UP: a feed being behind delays freshness, it does not make
 * this instance unable to answer.
 */
@Component("feeds")
public class FeedsHealth implements HealthIndicator {

    private final ObjectProvider<FeedLeadership> leadership;
    private final List<FeedFollower<?>> followers;

    public FeedsHealth(ObjectProvider<FeedLeadership> leadership, List<FeedFollower<?>> followers) {
        this.leadership = leadership;
        this.followers = followers;
    }

    @Override
    public Health health() {
        FeedLeadership leader = leadership.getIfAvailable();
        var health = Health.up().withDetail("following", leader == null ? "disabled" : leader.isLeader() ? "this instance" : "another instance");
        for (FeedFollower<?> follower : followers) {
            var status = follower.status();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", status.running());
            details.put("connected", status.connected());
            details.put("position", status.position());
            if (status.lastAppliedAt() != null) {
                details.put("lastAppliedAt", status.lastAppliedAt().toString());
            }
            if (status.lastError() != null) {
                details.put("lastError", status.lastError());
                details.put("failedAttempts", status.failedAttempts());
            }
            health.withDetail(status.feed(), details);
        }
        return health.build();
    }
}
