package io.greenportal.site.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Runs a page's independent API calls at the same time (the home page asks four), each on a virtual
 * thread that sees the visitor's request (for the request id). A failure surfaces as itself.
 */
public final class Parallel {

    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private Parallel() {
    }

    public static <T> CompletableFuture<T> start(Supplier<T> call) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return CompletableFuture.supplyAsync(() -> {
            RequestContextHolder.setRequestAttributes(request);
            try {
                return call.get();
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        }, THREADS);
    }

    /** The call's answer, or its own exception (not wrapped). */
    public static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
