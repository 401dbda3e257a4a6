package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;

class ChunkBuffersTest {

    @Test
    void aBufferGivenBackIsHandedOutAgainEmptyAndWhole() {
        ChunkBuffers buffers = new ChunkBuffers(1024, 2);
        ByteBuf first = buffers.take();
        first.writeBytes(new byte[100]);
        long address = first.memoryAddress();
        buffers.giveBack(first);

        ByteBuf again = buffers.take();

        assertThat(again.memoryAddress()).isEqualTo(address);
        assertThat(again.readableBytes()).isZero();
        assertThat(again.writableBytes()).isEqualTo(1024);
        assertThat(again.isDirect()).isTrue();
    }

    @Test
    void keepsNoMoreThanItWasToldAndStillHandsOutMore() {
        ChunkBuffers buffers = new ChunkBuffers(64, 2);
        ByteBuf a = buffers.take();
        ByteBuf b = buffers.take();
        ByteBuf c = buffers.take(); // beyond what it keeps: still available
        buffers.giveBack(a);
        buffers.giveBack(b);
        buffers.giveBack(c); // dropped

        ByteBuf x = buffers.take();
        ByteBuf y = buffers.take();
        ByteBuf z = buffers.take();

        assertThat(Set.of(x.memoryAddress(), y.memoryAddress())).containsExactlyInAnyOrder(a.memoryAddress(),
                b.memoryAddress());
        assertThat(z.memoryAddress()).isNotIn(a.memoryAddress(), b.memoryAddress(), c.memoryAddress());
    }
}
