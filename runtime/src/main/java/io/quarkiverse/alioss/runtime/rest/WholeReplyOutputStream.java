package io.quarkiverse.alioss.runtime.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The response stream of a resource-method callback: keeps the whole reply and sends it in one piece when closed, so it
 * always carries a {@code Content-Length}. RESTEasy Reactive's own stream switches to chunked encoding once a reply
 * outgrows its buffer, and OSS refuses chunked callback replies.
 */
final class WholeReplyOutputStream extends OutputStream {

    private final ResteasyReactiveRequestContext context;
    private final ByteArrayOutputStream reply = new ByteArrayOutputStream();
    private boolean closed;

    WholeReplyOutputStream(ResteasyReactiveRequestContext context) {
        this.context = context;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        reply.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        reply.write(bytes, offset, length);
    }

    /** Does not send anything: a partial reply would have to be chunked. */
    @Override
    public void flush() {
    }

    /**
     * Sends the reply, unless RESTEasy Reactive already answered without this stream: a reply without an entity (say
     * the method's own {@code 409}) is ended directly, and RESTEasy Reactive closes this stream afterwards all the
     * same. Ending the response a second time would throw on the worker and skip the request's completion callbacks,
     * which give the token back and count the outcome.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (context.serverResponse().headWritten()) {
            if (reply.size() > 0) {
                throw new IllegalStateException("the callback reply was already sent; " + reply.size()
                        + " bytes written afterwards are lost");
            }
            return;
        }
        context.serverResponse().end(reply.toByteArray());
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the callback reply was already sent");
        }
    }
}
