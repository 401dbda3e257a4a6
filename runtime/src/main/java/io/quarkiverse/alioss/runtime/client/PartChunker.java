package io.quarkiverse.alioss.runtime.client;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * Cuts a byte stream into parts of a fixed size. A part is emitted only once at least one byte beyond it has
 * arrived, so every emitted part knows whether it is the last one (the final part is emitted at completion). This
 * lets the uploader send a stream that fits into one part as a single PutObject.
 * <p>
 * Back-pressure is preserved: upstream is only asked for more bytes when downstream asks for another part, so memory
 * stays at about one part plus the parts in flight.
 */
final class PartChunker {

    /** One part of the stream: {@code number} counts from 1. */
    record Part(int number, Buffer content, boolean last) {
    }

    private final int partSize;
    private Buffer pending;
    private int nextNumber = 1;

    private PartChunker(int partSize) {
        this.partSize = partSize;
        this.pending = Buffer.buffer(partSize);
    }

    static Multi<Part> parts(Multi<Buffer> stream, long partSize) {
        if (partSize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("partSize for streams must be below 2 GB, got " + partSize);
        }
        return Multi.createFrom().deferred(() -> {
            PartChunker chunker = new PartChunker((int) partSize);
            return stream.onItem().transformToIterable(chunker::accept)
                    .onCompletion().continueWith(() -> List.of(chunker.finish()));
        });
    }

    private List<Part> accept(Buffer chunk) {
        List<Part> ready = new ArrayList<>(1);
        int offset = 0;
        int length = chunk.length();
        while (offset < length) {
            if (pending.length() == partSize) {
                // a byte beyond a full part has arrived: the full part is not the last one
                ready.add(new Part(nextNumber++, pending, false));
                pending = Buffer.buffer(partSize);
            }
            int take = Math.min(partSize - pending.length(), length - offset);
            pending.appendBuffer(chunk, offset, take);
            offset += take;
        }
        return ready;
    }

    private Part finish() {
        Part last = new Part(nextNumber++, pending, true);
        pending = null;
        return last;
    }
}
