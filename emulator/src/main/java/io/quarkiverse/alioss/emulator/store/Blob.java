package io.quarkiverse.alioss.emulator.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** The immutable bytes of an object or part, held in memory chunks or in a file. Shared by reference counting. */
public interface Blob {

    long length();

    /** Streams {@code [offset, offset + count)} to {@code out}, honouring back-pressure; does not end {@code out}. */
    Future<Void> writeTo(WriteStream<Buffer> out, long offset, long count);

    /** Another owner (a copy of the object) keeps these bytes alive. */
    Blob retain();

    /** An owner is done; the storage is freed when the last owner releases it. */
    void release();
}
