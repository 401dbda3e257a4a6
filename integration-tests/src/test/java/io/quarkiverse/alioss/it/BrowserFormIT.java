package io.quarkiverse.alioss.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The browser form's protocol (signed PostObject form, callback reply, edited form refused), packaged. */
@QuarkusIntegrationTest
class BrowserFormIT extends BrowserFormTest {
}
