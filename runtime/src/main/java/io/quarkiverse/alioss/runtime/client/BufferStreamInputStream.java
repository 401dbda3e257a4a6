package io.quarkiverse.alioss.runtime.client;

import java.io.InputStream;

import io.smallrye.mutiny.helpers.BlockingIterable;
import io.vertx.mutiny.core.buffer.Buffer;

/** An {@link InputStream} over a blocking iterable of buffers; the iterable's small queue bounds memory. */
final class BufferStreamInputStream extends InputStream {

    private final java.util.stream.Stream<Buffer> source;
    private final java.util.Iterator<Buffer> iterator;
    private byte[] current = new byte[0];
    private int position;

    BufferStreamInputStream(BlockingIterable<Buffer> source) {
        this.source = source.stream(); // closing the stream cancels the subscription
        this.iterator = this.source.iterator();
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return current[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, n);
        position += n;
        return n;
    }

    private boolean fill() {
        while (position >= current.length) {
            if (!iterator.hasNext()) {
                return false;
            }
            current = iterator.next().getBytes();
            position = 0;
        }
        return true;
    }

    @Override
    public void close() {
        source.close();
    }
}
