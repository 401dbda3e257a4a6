package io.quarkiverse.alioss.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

class PartChunkerTest {

    @Test
    void cutsAStreamIntoFullPartsAndMarksOnlyTheLast() {
        List<PartChunker.Part> parts = chunk(10, "abcdefg", "hijklmnopqrstuvw", "xyz");
        assertThat(parts).extracting(p -> p.content().toString()).containsExactly("abcdefghij", "klmnopqrst",
                "uvwxyz");
        assertThat(parts).extracting(PartChunker.Part::number).containsExactly(1, 2, 3);
        assertThat(parts).extracting(PartChunker.Part::last).containsExactly(false, false, true);
    }

    @Test
    void aStreamOfExactlyOnePartIsALastPart() {
        List<PartChunker.Part> parts = chunk(4, "ab", "cd");
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.content().toString()).isEqualTo("abcd");
            assertThat(p.last()).isTrue();
        });
    }

    @Test
    void anEmptyStreamIsOneEmptyLastPart() {
        assertThat(chunk(4)).singleElement().satisfies(p -> {
            assertThat(p.content().length()).isZero();
            assertThat(p.last()).isTrue();
        });
    }

    @Test
    void pullsUpstreamOnlyAsPartsAreRequested() {
        int[] pulled = { 0 };
        Multi<Buffer> infinite = Multi.createFrom().generator(() -> 0, (s, e) -> {
            pulled[0]++;
            e.emit(Buffer.buffer("0123456789"));
            return s;
        });
        List<PartChunker.Part> firstTwo = PartChunker.parts(infinite, 100).select().first(2).collect().asList()
                .await().indefinitely();
        assertThat(firstTwo).hasSize(2);
        assertThat(pulled[0]).isLessThanOrEqualTo(25); // two parts and the byte that proves the second is not last
    }

    private static List<PartChunker.Part> chunk(int partSize, String... chunks) {
        Multi<Buffer> stream = Multi.createFrom().items(chunks).map(Buffer::buffer);
        return PartChunker.parts(stream, partSize).collect().asList().await().indefinitely();
    }
}
