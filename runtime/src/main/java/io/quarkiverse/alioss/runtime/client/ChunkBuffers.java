package io.quarkiverse.alioss.runtime.client;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The direct buffers that file uploads read their chunks into, reused by every request of one client. A pooled
 * allocator would reserve (and, on recent JDKs, zero) a 4 MiB chunk per event loop that uploads; this keeps at most
 * {@code kept} buffers of one size, so an idle client holds a known, small amount of direct memory. Buffers beyond
 * that (more uploads at once than the client is tuned for) are dropped after use and left to the garbage collector.
 */
final class ChunkBuffers {

    private final int size;
    private final int kept;
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();

    ChunkBuffers(int size, int kept) {
        this.size = size;
        this.kept = kept;
    }

    int size() {
        return size;
    }

    /** An empty buffer of {@link #size()} bytes; Netty does not free it on release, {@link #giveBack} reuses it. */
    ByteBuf take() {
        ByteBuffer buffer = free.poll();
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(size);
        } else {
            freeCount.decrementAndGet();
        }
        return Unpooled.wrappedBuffer(buffer.clear()).clear();
    }

    /** Only once nothing reads or writes the buffer any more. */
    void giveBack(ByteBuf buffer) {
        if (freeCount.incrementAndGet() <= kept) {
            free.offer(buffer.nioBuffer(0, size));
        } else {
            freeCount.decrementAndGet();
        }
    }
}
