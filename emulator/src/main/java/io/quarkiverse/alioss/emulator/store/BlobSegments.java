package io.quarkiverse.alioss.emulator.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns a blob into the segments the durable index records, whatever slices and composites it is made of. */
final class BlobSegments {

    private BlobSegments() {
    }

    static List<BlobSegment> of(Blob blob) {
        List<BlobSegment> segments = new ArrayList<>();
        collect(blob, 0, blob.length(), segments);
        return segments;
    }

    private static void collect(Blob blob, long offset, long count, List<BlobSegment> out) {
        if (count <= 0) {
            return;
        }
        if (blob instanceof FileBlob file) {
            out.add(BlobSegment.ofFile(Path.of(file.path()).getFileName().toString(), offset, count));
        } else if (blob instanceof SliceBlob slice) {
            collect(slice.source(), slice.offset() + offset, count, out);
        } else if (blob instanceof CompositeBlob composite) {
            long partStart = 0;
            for (Blob part : composite.parts()) {
                long partEnd = partStart + part.length();
                long from = Math.max(offset, partStart);
                long to = Math.min(offset + count, partEnd);
                if (from < to) {
                    collect(part, from - partStart, to - from, out);
                }
                partStart = partEnd;
            }
        } else if (blob instanceof MemoryBlob memory) {
            out.add(BlobSegment.ofBytes(memory.bytes(offset, count)));
        } else {
            throw new IllegalStateException("The durable index cannot record a " + blob.getClass().getSimpleName());
        }
    }
}
