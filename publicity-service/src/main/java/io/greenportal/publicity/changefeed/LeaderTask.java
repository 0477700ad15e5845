package io.greenportal.publicity.changefeed;

/** Work that only one instance of the service may do at a time: following a feed, rebuilding the index. */
public interface LeaderTask {

    void start();

    /** Stops and returns only when the task no longer writes anything. */
    void stop();
}
