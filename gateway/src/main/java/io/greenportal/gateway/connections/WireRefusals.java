package io.greenportal.gateway.connections;

import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.greenportal.gateway.web.Problems;
import io.greenportal.gateway.web.RawRequestTargets;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.ReferenceCountUtil;

/**
 * What the gateway answers on the connection itself, where no Spring code runs, as problem details
 * like every other refusal (Reactor Netty's own answers carry no body, or for a stalled body no
 * answer at all):
 * <ul>
 * <li>a request Netty cannot decode: a request line over the limit {@code 414}, headers over the
 * limit {@code 431}, anything else that is not HTTP/1.x {@code 400};</li>
 * <li>a request body that stops coming for the read time-out, or is not complete within the request
 * time-out: {@code 408}, when nothing else has been said about that request (both time-outs are
 * measured here; Reactor Netty's, a second later, only close the connection).</li>
 * </ul>
 * The connection is closed after such an answer, and nothing else is written or read on it. One
 * instance per connection, right after the HTTP codec.
 */
final class WireRefusals extends ChannelDuplexHandler {

    private final Duration requestTimeout;
    private final long readTimeoutNanos;
    private final DataSize maxRequestLine;
    private final DataSize maxHeaders;

    private int requests;        // requests read on this connection
    private int answered;        // final responses completely written
    private boolean answering;   // a final response has started and is not complete
    private boolean readingBody; // the body of the latest request is still arriving
    private boolean refused;     // this handler answered: the connection is closing
    private Future<?> deadline;
    private Future<?> readCheck;
    private long lastRead;       // the event loop's ticker (nanoseconds) at the latest part of the body

    WireRefusals(Duration requestTimeout, Duration readTimeout, DataSize maxRequestLine, DataSize maxHeaders) {
        this.requestTimeout = requestTimeout;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.maxRequestLine = maxRequestLine;
        this.maxHeaders = maxHeaders;
    }

    /** The status, problem type and detail for a request the HTTP decoder gave up on. */
    static Refusal undecodable(Throwable cause, DataSize maxRequestLine, DataSize maxHeaders) {
        if (cause instanceof TooLongHttpLineException) {
            return new Refusal(HttpStatus.URI_TOO_LONG, "uri-too-long", "The request line is longer than "
                    + maxRequestLine.toBytes() + " bytes; shorten the path or the query", "target");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                    "The request's headers are larger than " + maxHeaders.toBytes() + " bytes in all", "headers");
        }
        if (cause instanceof RawRequestTargets.UnusableHost) {
            return new Refusal(HttpStatus.BAD_REQUEST, "invalid-host",
                    "The Host header must be a host name or [IPv6] address with an optional port of digits", "Host");
        }
        return new Refusal(HttpStatus.BAD_REQUEST, "malformed-request", "The request is not valid HTTP/1.1", null);
    }

    record Refusal(HttpStatus status, String type, String detail, String field) {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            DecoderResult decoded = request.decoderResult();
            if (decoded.isFailure() || request.protocolVersion().majorVersion() != 1) {
                ReferenceCountUtil.release(msg);
                Refusal refusal = decoded.isFailure() ? undecodable(decoded.cause(), maxRequestLine, maxHeaders)
                        : undecodable(null, maxRequestLine, maxHeaders);
                if (requests == answered && !answering) {
                    refuse(ctx, refusal);
                } else { // an earlier request is still being answered: a refusal now would be read as its answer
                    refused = true;
                    ctx.close();
                }
                return;
            }
            requests++;
            readingBody = !(msg instanceof LastHttpContent);
            if (readingBody) {
                deadline = ctx.executor().schedule(() -> bodyLate(ctx), requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
                lastRead = ctx.executor().ticker().nanoTime();
                readCheck = ctx.executor().schedule(() -> bodyStalled(ctx), readTimeoutNanos, TimeUnit.NANOSECONDS);
            }
        } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            refuseIfSilent(ctx, new Refusal(HttpStatus.BAD_REQUEST, "malformed-request",
                    "The request body's framing is not valid HTTP/1.1", null));
            if (!refused) {
                refused = true;
                ctx.close();
            }
            return;
        }
        if (msg instanceof HttpContent && readingBody) {
            lastRead = ctx.executor().ticker().nanoTime();
        }
        if (msg instanceof LastHttpContent && readingBody) {
            readingBody = false;
            cancelDeadline();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof ReadTimeoutException && readingBody) {
            refuseIfSilent(ctx, new Refusal(HttpStatus.REQUEST_TIMEOUT, "request-timeout",
                    "The request body stopped arriving; send it without pauses", null));
        }
        super.exceptionCaught(ctx, cause);
    }

    /**
     * The read time-out, measured here: Reactor Netty's own (a second later, the backstop) sits
     * behind its traffic handler, where its exception never passes this handler.
     */
    private void bodyStalled(ChannelHandlerContext ctx) {
        readCheck = null;
        if (!readingBody || refused) {
            return;
        }
        long idle = ctx.executor().ticker().nanoTime() - lastRead;
        if (idle < readTimeoutNanos) {
            readCheck = ctx.executor().schedule(() -> bodyStalled(ctx), readTimeoutNanos - idle, TimeUnit.NANOSECONDS);
            return;
        }
        refuseIfSilent(ctx, new Refusal(HttpStatus.REQUEST_TIMEOUT, "request-timeout",
                "The request body stopped arriving for " + Duration.ofNanos(readTimeoutNanos).toSeconds()
                        + " s; send it without pauses", null));
    }

    private void bodyLate(ChannelHandlerContext ctx) {
        if (readingBody && !refused) {
            refuseIfSilent(ctx, new Refusal(HttpStatus.REQUEST_TIMEOUT, "request-timeout",
                    "The request body was not complete within " + requestTimeout.toSeconds() + " s", null));
        }
    }

    /** Answers the latest request only if it is the one unanswered request and no answer has begun. */
    private void refuseIfSilent(ChannelHandlerContext ctx, Refusal refusal) {
        if (!refused && !answering && requests - answered == 1) {
            refuse(ctx, refusal);
        }
    }

    private void refuse(ChannelHandlerContext ctx, Refusal refusal) {
        refused = true;
        cancelDeadline();
        byte[] body = Problems.body(refusal.status(), refusal.type(), refusal.detail(), refusal.field())
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.status().value(), refusal.status().getReasonPhrase()),
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        Problems.SECURITY_HEADERS.forEach(response.headers()::set);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (refused) { // the refusal is the last answer on this connection
            ReferenceCountUtil.release(msg);
            promise.tryFailure(new ClosedChannelException());
            return;
        }
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            answering = true;
        }
        if (msg instanceof LastHttpContent && answering) {
            answering = false;
            answered++;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelDeadline();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelDeadline();
        super.channelInactive(ctx);
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        if (readCheck != null) {
            readCheck.cancel(false);
            readCheck = null;
        }
    }
}
