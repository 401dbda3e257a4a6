package io.quarkiverse.alioss.it.live;

import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The live suite's assertions against real OSS, run only when {@link RealOss} finds its environment (never in CI
 * here): a bucket, credentials, and a public URL through which OSS reaches this test's application. See the testing
 * page of the docs for the command.
 */
@QuarkusTest
@TestProfile(RealOss.class)
@ExtendWith(RealOss.Environment.class)
class LiveSuiteOnRealOssTest extends LiveProtocolAssertions {
}
