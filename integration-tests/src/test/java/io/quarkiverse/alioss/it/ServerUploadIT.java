package io.quarkiverse.alioss.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The server-side upload with its callback, against the packaged application: the jar here, the native executable
 * with {@code -Pnative} wherever GraalVM or Mandrel is installed. Dev Services starts the emulator in the test JVM.
 */
@QuarkusIntegrationTest
class ServerUploadIT extends ServerUploadTest {
}
