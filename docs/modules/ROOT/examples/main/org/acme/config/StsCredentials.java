package org.acme.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;

// tag::provider[]
@ApplicationScoped
@Named("stsCredentials")
class StsCredentials implements OssCredentialsProvider {

    private final StsCache cache = new StsCache();

    @Override
    public OssCredentials credentials() {
        return cache.current(); // refresh before the STS token expires
    }
}
// end::provider[]

/** Stands for a cache of STS credentials that refreshes itself. */
class StsCache {
    OssCredentials current() {
        return OssCredentials.of("id", "secret", "security-token");
    }
}
