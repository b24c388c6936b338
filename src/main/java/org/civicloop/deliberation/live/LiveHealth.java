package org.civicloop.deliberation.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of /health/ready: with several servers on PostgreSQL, a server whose listening connection is down would leave
 * its screens behind the room, so it is not ready until it listens again (it reconnects by itself).
 */
@Readiness
@ApplicationScoped
public class LiveHealth implements HealthCheck {

    @Inject
    PostgresLiveChannel channel;

    @Override
    public HealthCheckResponse call() {
        boolean distributed = channel.active();
        return HealthCheckResponse.named("live-updates")
                .status(channel.decided() && (!distributed || channel.listening()))
                .withData("fanout", distributed ? "postgresql" : "this server")
                .withData("listening", channel.listening())
                .build();
    }
}
