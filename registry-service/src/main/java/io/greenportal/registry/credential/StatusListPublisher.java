package io.greenportal.registry.credential;

import io.greenportal.platform.pgsignals.PgSignal;
import io.greenportal.registry.changefeed.ChangeLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings the status lists up to date when the registry changes: woken by the change log's NOTIFY
 * (at most a second late when a notification is lost), it publishes new list versions once the
 * change log has moved on. A status change thus reaches the published lists within about a second.
 */
@Component
public class StatusListPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatusListPublisher.class);

    private final StatusLists lists;
    private final ChangeLog changeLog;
    private final PgSignal changeSignal;
    private volatile Thread worker;

    public StatusListPublisher(StatusLists lists, ChangeLog changeLog, PgSignal changeSignal) {
        this.lists = lists;
        this.changeLog = changeLog;
        this.changeSignal = changeSignal;
    }

    @Override
    public void start() {
        worker = Thread.ofVirtual().name("status-list-publisher").start(this::run);
    }

    private void run() {
        long seen = -1;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long last = changeLog.lastSequence();
                if (last != seen) {
                    lists.publishIfChanged();
                    seen = last;
                }
                changeSignal.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Status lists not published this round: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void stop() {
        Thread t = worker;
        worker = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Stops before the LISTEN connection closes (PgSignal's phase) and the datasource. */
    @Override
    public int getPhase() {
        return changeSignal.getPhase() + 1;
    }
}
