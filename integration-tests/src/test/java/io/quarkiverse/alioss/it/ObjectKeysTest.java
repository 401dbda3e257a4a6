package io.quarkiverse.alioss.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {

    @Test
    void keysAreUniqueAndEndWithTheTidiedName() {
        String first = ObjectKeys.forFile("photo.png");
        String second = ObjectKeys.forFile("photo.png");

        assertThat(first).startsWith("uploads/").endsWith("-photo.png").isNotEqualTo(second);
    }

    @Test
    void pathsAndUnsafeCharactersDoNotReachTheKey() {
        assertThat(ObjectKeys.tidy("C:\\Users\\me\\holiday pic (1).JPG")).isEqualTo("holiday_pic__1_.JPG");
        assertThat(ObjectKeys.tidy("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ObjectKeys.tidy("äöü.txt")).isEqualTo("___.txt");
    }

    @Test
    void emptyOrDotOnlyNamesBecomeFile() {
        assertThat(ObjectKeys.tidy(null)).isEqualTo("file");
        assertThat(ObjectKeys.tidy("")).isEqualTo("file");
        assertThat(ObjectKeys.tidy("..")).isEqualTo("file");
        assertThat(ObjectKeys.tidy("dir/")).isEqualTo("file");
    }

    @Test
    void longNamesKeepTheirEnd() {
        String tidy = ObjectKeys.tidy("a".repeat(300) + ".png");
        assertThat(tidy).hasSize(100).endsWith(".png");
    }
}
