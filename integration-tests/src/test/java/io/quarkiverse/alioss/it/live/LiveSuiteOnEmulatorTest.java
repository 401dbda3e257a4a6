package io.quarkiverse.alioss.it.live;

import io.quarkus.test.junit.QuarkusTest;

/** The live suite's assertions against the emulator of Dev Services: part of every build. */
@QuarkusTest
class LiveSuiteOnEmulatorTest extends LiveProtocolAssertions {
}
