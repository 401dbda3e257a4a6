package io.quarkiverse.alioss.runtime.credentials;

import io.quarkiverse.alioss.credentials.OssCredentialsProvider;

/** A provider that answers from memory or the environment, so it may be called on an event loop. */
interface NonBlockingCredentialsProvider extends OssCredentialsProvider {
}
